import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  IMPORT_ROW_OUTCOMES,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportRowOutcome,
} from "../../../../domain/schemas/import-job";
import { rowReason } from "./row-reason";

type Filter = "ALL" | ImportRowOutcome;
const COUNT_OF: Record<ImportRowOutcome, keyof ImportPreview["counts"]> = {
  CREATE: "create",
  UPDATE: "update",
  DELETE: "delete",
  UNCHANGED: "unchanged",
  ERROR: "error",
};

function Result({ row }: { row: ImportPreviewRow }) {
  const { t } = useTranslation("bulkManage");
  return (
    <>
      <span className={`outcome outcome-${row.outcome.toLowerCase()}`}>{t(`outcome.${row.outcome}`)}</span>
      {row.outcome === "UPDATE" && (
        <span className="outcome-detail">
          {t("preview.renamed", { previous: row.previousName ?? "", name: row.name })}
        </span>
      )}
      {row.outcome === "ERROR" && <span className="outcome-detail">{rowReason(t, row.issues)}</span>}
    </>
  );
}

/** The server's dry run: what each row would do, counted per kind, with a filter. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("bulkManage");
  const [filter, setFilter] = useState<Filter>("ALL");
  const name = useId();
  const rows = filter === "ALL" ? preview.rows : preview.rows.filter((r) => r.outcome === filter);
  const count = (f: Filter) => (f === "ALL" ? preview.counts.total : preview.counts[COUNT_OF[f]]);

  return (
    <div className="preview">
      <p className="preview-summary" role="status">
        {t("preview.summary", {
          count: preview.counts.total,
          create: preview.counts.create,
          update: preview.counts.update,
          delete: preview.counts.delete,
          unchanged: preview.counts.unchanged,
          error: preview.counts.error,
        })}
      </p>
      <fieldset className="segmented">
        <legend>{t("preview.show")}</legend>
        {(["ALL", ...IMPORT_ROW_OUTCOMES] as Filter[]).map((f) => (
          <label key={f} className="segment">
            <input type="radio" name={name} value={f} checked={filter === f} onChange={() => setFilter(f)} />
            <span>{t(`preview.filter.${f}`, { count: count(f) })}</span>
          </label>
        ))}
      </fieldset>
      {rows.length === 0 ? (
        <p className="muted">{t("preview.noneOfKind")}</p>
      ) : (
        <div className="table-wrap preview-table" role="region" aria-label={t("preview.caption")} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t("preview.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.row")}</th>
                <th scope="col">{t("columns.location")}</th>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.extension")}</th>
                <th scope="col">{t("columns.action")}</th>
                <th scope="col">{t("columns.result")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.itemNumber} className={row.outcome === "ERROR" ? "row-error" : undefined}>
                  <td className="mono">{row.itemNumber}</td>
                  <td>{row.location}</td>
                  <td>{row.name}</td>
                  <td className="mono">{row.extension}</td>
                  <td>{row.action}</td>
                  <td className="preview-result">
                    <Result row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
