import type { ReactNode } from "react";
import { useTranslation } from "@/lib/use-translation";

/** A column of the file shown in the table: its field, its header, and whether its values are digits (set in a fixed-width font). */
export interface CsvRowsColumn {
  field: string;
  label: string;
  mono?: boolean;
}

export interface CsvRowView {
  itemNumber: number;
  /** The row's cells, by field. */
  values: Record<string, string>;
  /** The last column: what the row would do, or why it failed. */
  outcome: ReactNode;
  isError?: boolean;
}

/**
 * Rows of a bulk-manage CSV, numbered as in the file, with one column of outcome. The
 * columns shown are `columns`, by default the call park extension file's.
 */
export function CsvRowsTable({
  caption,
  outcomeHeading,
  rows,
  columns,
  className,
}: {
  caption: string;
  outcomeHeading: string;
  rows: CsvRowView[];
  columns?: CsvRowsColumn[];
  className?: string;
}) {
  const { t } = useTranslation();
  const shown = columns ?? [
    { field: "location", label: t("csvColumns.location") },
    { field: "name", label: t("csvColumns.name") },
    { field: "extension", label: t("csvColumns.extension"), mono: true },
    { field: "action", label: t("csvColumns.action") },
  ];
  const rowHeading = t("csvColumns.row");
  // A phone shows each row as a card, every value under its column's name (app.css's
  // table-stacked): six columns of a file would otherwise scroll sideways.
  return (
    <div className={`table-wrap ${className ?? ""}`} role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-stacked">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {shown.map((column) => (
              <th key={column.field} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">{outcomeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.itemNumber} className={row.isError ? "row-error" : undefined}>
              <td className="mono" data-label={rowHeading}>
                {row.itemNumber}
              </td>
              {shown.map((column) => (
                <td key={column.field} className={column.mono ? "mono" : undefined} data-label={column.label}>
                  {row.values[column.field]}
                </td>
              ))}
              <td className="preview-result" data-label={outcomeHeading}>
                {row.outcome}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
