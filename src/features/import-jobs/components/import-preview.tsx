import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@domain/api/endpoints";
import type { CallParkImportPreviewRow } from "@domain/schemas/call-park-import";
import { CsvRowsTable } from "@/components/csv-rows-table";
import {
  IMPORT_ROW_OUTCOMES,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportRowOutcome,
} from "@domain/schemas/import-job";
import { callApi } from "@/lib/api-client";
import { csvRowReason } from "@/lib/csv-row-reason";
import { errorMessage } from "@/lib/error-message";
import { listFormat } from "@/lib/list-format";
import type { TaskKind } from "@/lib/paths";
import { queryRoots } from "@/lib/query-keys";
import type { TaskPreview } from "@/features/import-jobs/api/queries";
import { tableColumns, tableValues } from "@/features/import-jobs/import-kinds";
import { CallParkRowResult } from "./call-park-row-result";
import "./segmented.css";

type Filter = "ALL" | ImportRowOutcome;
const COUNT_OF: Record<ImportRowOutcome, keyof ImportPreview["counts"]> = {
  CREATE: "create",
  UPDATE: "update",
  DELETE: "delete",
  UNCHANGED: "unchanged",
  ERROR: "error",
};

/** How many free extensions a taken row is offered. */
const FREE_NEARBY = 3;

/**
 * A row whose extension is taken: on request, the free extensions of its length nearest to it
 * in its location (asked of the server only when the administrator asks, row by row).
 */
function FreeNearby({ locationId, extension }: { locationId: string; extension: string }) {
  const { t, i18n } = useTranslation("bulkManage");
  const [asked, setAsked] = useState(false);
  const free = useQuery({
    queryKey: [...queryRoots.importPreviews, "freeNearby", locationId, extension] as const,
    queryFn: async ({ signal }) =>
      (await callApi(api.callParkExtensions.suggestExtensions, { params: { locationId }, body: { near: extension, count: FREE_NEARBY }, signal })).data
        .extensions,
    enabled: asked,
    staleTime: 0,
  });
  if (!asked) {
    return (
      <button type="button" className="btn btn-secondary btn-small free-nearby" onClick={() => setAsked(true)}>
        {t("preview.findFree", { extension })}
      </button>
    );
  }
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <span className="outcome-detail" role="status">
      {free.isPending
        ? t("preview.findingFree")
        : free.isError
          ? errorMessage(t, free.error)
          : t("preview.freeNearby", { count: free.data.length, list: listFormat(language).format(free.data) })}
    </span>
  );
}

const isTaken = (row: ImportPreviewRow) => row.outcome === "ERROR" && row.issues?.some((issue) => issue.code === "extensionTaken");

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
      {row.outcome === "DELETE" && row.usedBy && (
        <span className="outcome-detail">
          {t("preview.usedBy", { group: row.usedBy.name, position: row.usedBy.position, of: row.usedBy.of })}
        </span>
      )}
      {row.outcome === "ERROR" && <span className="outcome-detail">{csvRowReason(t, row.issues)}</span>}
      {isTaken(row) && row.locationId && <FreeNearby locationId={row.locationId} extension={row.extension} />}
    </>
  );
}

/** A row's outcome, as its kind of file words it. */
function RowResult({ kind, row }: { kind: TaskKind; row: ImportPreviewRow | CallParkImportPreviewRow }) {
  return kind === "callParks" ? <CallParkRowResult row={row as CallParkImportPreviewRow} /> : <Result row={row as ImportPreviewRow} />;
}

/** The server's dry run of a `kind` file: what each row would do, counted per outcome, with a filter. */
export function ImportPreviewView({ kind, preview }: { kind: TaskKind; preview: TaskPreview }) {
  const { t } = useTranslation("bulkManage");
  const [filter, setFilter] = useState<Filter>("ALL");
  const name = useId();
  const all: (ImportPreviewRow | CallParkImportPreviewRow)[] = preview.rows;
  const rows = filter === "ALL" ? all : all.filter((r) => r.outcome === filter);
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
        <CsvRowsTable
          className="preview-table"
          caption={t("preview.caption")}
          outcomeHeading={t("columns.result")}
          columns={tableColumns(t, kind)}
          rows={rows.map((row) => ({
            itemNumber: row.itemNumber,
            values: tableValues(kind, row),
            outcome: <RowResult kind={kind} row={row} />,
            isError: row.outcome === "ERROR",
          }))}
        />
      )}
    </div>
  );
}
