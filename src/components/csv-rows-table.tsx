import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface CsvRowView {
  itemNumber: number;
  location: string;
  name: string;
  extension: string;
  action: string;
  /** The last column: what the row would do, or why it failed. */
  outcome: ReactNode;
  isError?: boolean;
}

/** Rows of a bulk-manage CSV, numbered as in the file, with one column of outcome. */
export function CsvRowsTable({
  caption,
  outcomeHeading,
  rows,
  className,
}: {
  caption: string;
  outcomeHeading: string;
  rows: CsvRowView[];
  className?: string;
}) {
  const { t } = useTranslation();
  const columns = {
    row: t("csvColumns.row"),
    location: t("csvColumns.location"),
    name: t("csvColumns.name"),
    extension: t("csvColumns.extension"),
    action: t("csvColumns.action"),
  };
  // A phone shows each row as a card, every value under its column's name (app.css's
  // table-stacked): six columns of a file would otherwise scroll sideways.
  return (
    <div className={`table-wrap ${className ?? ""}`} role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-stacked">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.row}</th>
            <th scope="col">{columns.location}</th>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.extension}</th>
            <th scope="col">{columns.action}</th>
            <th scope="col">{outcomeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.itemNumber} className={row.isError ? "row-error" : undefined}>
              <td className="mono" data-label={columns.row}>
                {row.itemNumber}
              </td>
              <td data-label={columns.location}>{row.location}</td>
              <td data-label={columns.name}>{row.name}</td>
              <td className="mono" data-label={columns.extension}>
                {row.extension}
              </td>
              <td data-label={columns.action}>{row.action}</td>
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
