import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { api } from "@domain/api/endpoints";
import { isValidExtension } from "@domain/rules/numbering-plan";
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

/** Per location, the extensions the file's rows would create there (sorted, each once). */
type CreatedIn = ReadonlyMap<string, readonly string[]>;

function createdByLocation(rows: readonly ImportPreviewRow[]): CreatedIn {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.outcome !== "CREATE" || !row.locationId || !isValidExtension(row.extension)) continue;
    const set = sets.get(row.locationId) ?? new Set<string>();
    sets.set(row.locationId, set.add(row.extension));
  }
  return new Map([...sets].map(([locationId, set]) => [locationId, [...set].sort()]));
}

/**
 * A row whose extension is taken: on request, the free extensions of its length nearest to it
 * in its location (asked of the server only when the administrator asks, row by row), none of
 * them one that another row of the file would create there (`exclude`), which would only clash anew.
 */
function FreeNearby({ locationId, extension, exclude }: { locationId: string; extension: string; exclude: readonly string[] }) {
  const { t, i18n } = useTranslation("bulkManage");
  const [asked, setAsked] = useState(false);
  const free = useQuery({
    queryKey: [...queryRoots.importPreviews, "freeNearby", locationId, extension, exclude] as const,
    queryFn: async ({ signal }) => {
      const body = { near: extension, count: FREE_NEARBY, ...(exclude.length ? { exclude: [...exclude] } : {}) };
      return (await callApi(api.callParkExtensions.suggestExtensions, { params: { locationId }, body, signal })).data.extensions;
    },
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

function Result({ row, createdIn }: { row: ImportPreviewRow; createdIn: CreatedIn }) {
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
      {isTaken(row) && row.locationId && (
        <FreeNearby locationId={row.locationId} extension={row.extension} exclude={createdIn.get(row.locationId) ?? []} />
      )}
    </>
  );
}

/** A row's outcome, as its kind of file words it. */
function RowResult({ kind, row, createdIn }: { kind: TaskKind; row: ImportPreviewRow | CallParkImportPreviewRow; createdIn: CreatedIn }) {
  return kind === "callParks" ? (
    <CallParkRowResult row={row as CallParkImportPreviewRow} />
  ) : (
    <Result row={row as ImportPreviewRow} createdIn={createdIn} />
  );
}

/** The server's dry run of a `kind` file: what each row would do, counted per outcome, with a filter. */
export function ImportPreviewView({ kind, preview }: { kind: TaskKind; preview: TaskPreview }) {
  const { t } = useTranslation("bulkManage");
  const [filter, setFilter] = useState<Filter>("ALL");
  const name = useId();
  const all: (ImportPreviewRow | CallParkImportPreviewRow)[] = preview.rows;
  const rows = filter === "ALL" ? all : all.filter((r) => r.outcome === filter);
  const count = (f: Filter) => (f === "ALL" ? preview.counts.total : preview.counts[COUNT_OF[f]]);
  // Of every row, whatever the filter shows: a taken row's free extensions leave these out.
  const createdIn = useMemo(() => (kind === "callParks" ? new Map<string, readonly string[]>() : createdByLocation(preview.rows as ImportPreviewRow[])), [kind, preview.rows]);

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
            outcome: <RowResult kind={kind} row={row} createdIn={createdIn} />,
            isError: row.outcome === "ERROR",
          }))}
        />
      )}
    </div>
  );
}
