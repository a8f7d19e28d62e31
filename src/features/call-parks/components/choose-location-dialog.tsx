import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { LocationPicker } from "@/components/location-picker";
import { encodeFieldIssue } from "@/lib/form";

/** Add New's first question: in which location will the group live? */
export function ChooseLocationDialog({ onChoose, onCancel }: { onChoose: (locationId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const [locationId, setLocationId] = useState("");
  const [error, setError] = useState<string>();
  const next = () => {
    if (!locationId) setError(encodeFieldIssue({ code: "locationRequired" }));
    else onChoose(locationId);
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onCancel()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t("wizard.chooseLocation")}
          </Heading>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              next();
            }}
          >
            <LocationPicker
              id="group-location"
              // The dialog's one question: the keyboard starts in it.
              autoFocus
              value={locationId}
              onChange={(id) => {
                setLocationId(id);
                setError(undefined);
              }}
              error={error}
              description={t("wizard.chooseLocationHelp")}
            />
            <div className="dialog-actions">
              <Button className="btn btn-secondary" onPress={onCancel}>
                {t("common:actions.cancel")}
              </Button>
              <Button type="submit" className="btn btn-primary">
                {t("wizard.next")}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
