import { useState } from "react";
import { Dialog, Modal, ModalOverlay } from "react-aria-components";
import type { AccessTokenCreated } from "@domain/schemas/auth";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenView } from "./new-token-view";

/**
 * Create token: a name, then the token itself, shown this once. Its value lives only
 * in this dialog's state, so closing the dialog forgets it.
 */
export function CreateTokenDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog">{isOpen && <CreateTokenSteps onClose={onClose} />}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function CreateTokenSteps({ onClose }: { onClose: () => void }) {
  const [created, setCreated] = useState<AccessTokenCreated | null>(null);
  return created ? (
    <NewTokenView token={created.token} onDone={onClose} />
  ) : (
    <CreateTokenForm onCreated={setCreated} onCancel={onClose} />
  );
}
