import { useTranslation } from "@/lib/use-translation";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import type { ApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format-date-time";

/** One part of the object as it was opened, as it is now, and as the administrator wants it. */
export interface ConflictField {
  label: string;
  base: string;
  theirs: string;
  mine: string;
}

/** What a refused save (412: changed meanwhile) puts before the administrator. */
export interface Conflict {
  error: ApiError;
  /** Every part of the object; the dialog shows those that someone changed. */
  fields: ConflictField[];
}

/** The parts someone changed: the other administrator (base → theirs) or this one (base → mine). */
export function changedParts(fields: ConflictField[]): ConflictField[] {
  return fields.filter((f) => f.base !== f.theirs || f.mine !== f.base);
}

/**
 * A save refused because someone else changed the object since it was opened: who and
 * when, what changed (as it was opened, now, and this administrator's change), and the
 * way on — reload their version (dropping these changes) or apply these changes on top
 * of it. Nothing is overwritten without the administrator seeing it.
 */
export function ConflictDialog({
  conflict,
  onReload,
  onReapply,
  onCancel,
  isPending = false,
}: {
  conflict: Conflict | null;
  onReload: () => void;
  onReapply: () => void;
  onCancel: () => void;
  isPending?: boolean;
}) {
  const { t, i18n } = useTranslation("common");
  const params = conflict?.error.params ?? {};
  const who = typeof params.name === "string" ? params.name : undefined;
  const at = typeof params.at === "string" ? formatDateTime(params.at, i18n.language, "short") : undefined;
  const rows = conflict ? changedParts(conflict.fields) : [];
  const shown = (value: string) => value || t("conflict.empty");
  return (
    <ModalOverlay className="modal-overlay" isOpen={conflict !== null} isDismissable={!isPending} onOpenChange={(open) => !open && onCancel()}>
      <Modal className="modal modal-wide">
        <Dialog role="alertdialog" className="dialog" aria-describedby="conflict-summary">
          <Heading slot="title" className="dialog-title">
            {t("conflict.title")}
          </Heading>
          <div className="dialog-body">
            <p id="conflict-summary">{who && at ? t("conflict.byWhom", { name: who, at }) : t("conflict.byUnknown")}</p>
            <div className="table-wrap" role="region" aria-label={t("conflict.caption")} tabIndex={0}>
              <table className="table conflict-table">
                <caption className="visually-hidden">{t("conflict.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("conflict.field")}</th>
                    <th scope="col">{t("conflict.base")}</th>
                    <th scope="col">{t("conflict.theirs")}</th>
                    <th scope="col">{t("conflict.mine")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const theirsChanged = row.theirs !== row.base;
                    const mineChanged = row.mine !== row.base;
                    return (
                      <tr key={row.label}>
                        <th scope="row">
                          {row.label}
                          {theirsChanged && mineChanged && <span className="conflict-both">{t("conflict.both")}</span>}
                        </th>
                        <td>{shown(row.base)}</td>
                        <td className={theirsChanged ? "conflict-changed" : undefined}>{shown(row.theirs)}</td>
                        <td className={mineChanged ? "conflict-changed" : "muted"}>{mineChanged ? shown(row.mine) : t("conflict.unchanged")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="muted">{t("conflict.hint")}</p>
          </div>
          <div className="dialog-actions dialog-actions-wrap">
            <Button className="btn btn-secondary" onPress={onCancel} isDisabled={isPending}>
              {t("conflict.keepEditing")}
            </Button>
            <Button className="btn btn-secondary" onPress={onReload} isDisabled={isPending}>
              {t("conflict.reload")}
            </Button>
            <Button className="btn btn-primary" onPress={onReapply} isPending={isPending} autoFocus>
              {t("conflict.reapply")}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
