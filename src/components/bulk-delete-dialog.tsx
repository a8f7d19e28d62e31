import { type ReactNode, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { errorMessage } from "@/lib/error-message";
import "./bulk-delete-dialog.css";

export interface BulkDeleteItem {
  id: string;
  /** How the item is named in the lists of what goes and what failed. */
  label: string;
}

type Failure = { item: BulkDeleteItem; reason: string };
type Phase = { step: "confirm" } | { step: "running"; done: number } | { step: "failed"; failures: Failure[]; deleted: number };

/**
 * One confirmation for deleting several things at once: it lists what goes (and `details`,
 * what else that changes), then deletes them one by one through `remove` (each the
 * public DELETE a single delete uses), and ends on a summary of what failed and why.
 * `onDone` runs once the deletes are over, whatever their outcome, to refresh the list.
 */
export function BulkDeleteDialog<T extends BulkDeleteItem>({
  items,
  title,
  intro,
  details,
  remove,
  onClose,
  onDone,
}: {
  /** What is to go; an empty list keeps the dialog closed. */
  items: T[];
  title: string;
  intro: string;
  details?: ReactNode;
  remove: (item: T) => Promise<void>;
  onClose: () => void;
  onDone: (deleted: T[]) => void;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: "confirm" });
  const isOpen = items.length > 0;
  const running = phase.step === "running";

  const close = () => {
    if (running) return;
    setPhase({ step: "confirm" });
    onClose();
  };

  const run = async () => {
    const failures: Failure[] = [];
    const deleted: T[] = [];
    setPhase({ step: "running", done: 0 });
    // One by one, as a script of single deletes would: each answers for itself, and one
    // refused does not stop the others.
    for (const [index, item] of items.entries()) {
      try {
        await remove(item);
        deleted.push(item);
      } catch (error) {
        failures.push({ item, reason: errorMessage(t, error) });
      }
      setPhase({ step: "running", done: index + 1 });
    }
    onDone(deleted);
    if (failures.length === 0) {
      setPhase({ step: "confirm" });
      onClose();
    } else {
      setPhase({ step: "failed", failures, deleted: deleted.length });
    }
  };

  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} isDismissable={!running} onOpenChange={(open) => !open && close()}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog-title">
            {phase.step === "failed" ? t("bulkDelete.failedTitle", { count: phase.failures.length }) : title}
          </Heading>
          {phase.step === "failed" ? (
            <div className="dialog-body">
              <p>{t("bulkDelete.summary", { count: phase.deleted })}</p>
              <ul className="bulk-delete-list">
                {phase.failures.map(({ item, reason }) => (
                  <li key={item.id}>
                    <strong>{item.label}</strong>: {reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="dialog-body">
              <p>{intro}</p>
              <ul className="bulk-delete-list">
                {items.map((item) => (
                  <li key={item.id}>{item.label}</li>
                ))}
              </ul>
              {details}
              {running && (
                <p role="status">{t("bulkDelete.progress", { done: phase.done, total: items.length })}</p>
              )}
            </div>
          )}
          <div className="dialog-actions">
            {phase.step === "failed" ? (
              <Button className="btn btn-primary" onPress={close} autoFocus>
                {t("actions.close")}
              </Button>
            ) : (
              <>
                <Button className="btn btn-secondary" onPress={close} isDisabled={running}>
                  {t("actions.cancel")}
                </Button>
                <Button className="btn btn-danger" onPress={() => void run()} isPending={running} autoFocus>
                  {t("bulkDelete.confirm", { count: items.length })}
                </Button>
              </>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
