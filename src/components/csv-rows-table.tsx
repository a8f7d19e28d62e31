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
  return (
    <div className={`table-wrap ${className ?? ""}`} role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("csvColumns.row")}</th>
            <th scope="col">{t("csvColumns.location")}</th>
            <th scope="col">{t("csvColumns.name")}</th>
            <th scope="col">{t("csvColumns.extension")}</th>
            <th scope="col">{t("csvColumns.action")}</th>
            <th scope="col">{outcomeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.itemNumber} className={row.isError ? "row-error" : undefined}>
              <td className="mono">{row.itemNumber}</td>
              <td>{row.location}</td>
              <td>{row.name}</td>
              <td className="mono">{row.extension}</td>
              <td>{row.action}</td>
              <td className="preview-result">{row.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
