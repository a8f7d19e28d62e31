import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import { Icon } from "@/components/icon";
import { explainFinding, type Finding, fixOf } from "./explain";

/** A finding's key: one finding per kind and object. */
export const findingKey = (f: Finding) => `${f.kind}:${f.objectType}:${f.objectId}`;

const SEVERITY_ICON = { ERROR: "warning", WARNING: "warning", INFO: "list" } as const;

/** Severity badge, the explanation, where and what it is about, and the link to fix it; cards on a phone. */
export function FindingsTable({ findings, busy }: { findings: Finding[]; busy: boolean }) {
  const { t } = useTranslation("callParkHealth");
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-stacked health-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.finding")}</th>
            <th scope="col">{t("columns.severity")}</th>
            <th scope="col">{t("columns.location")}</th>
            <th scope="col">{t("columns.object")}</th>
            <th scope="col">{t("columns.fix")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => {
            const fix = fixOf(finding);
            const action = t(`fix.${fix.action}`);
            return (
              <tr key={findingKey(finding)}>
                <td className="cell-title health-explanation">{explainFinding(t, finding)}</td>
                <td data-label={t("columns.severity")}>
                  <span className={`badge health-severity health-severity-${finding.severity.toLowerCase()}`}>
                    <Icon name={SEVERITY_ICON[finding.severity]} size={14} />
                    {t(`severities.${finding.severity}`)}
                  </span>
                </td>
                <td data-label={t("columns.location")}>{finding.locationName}</td>
                <td data-label={t("columns.object")}>
                  <span className="health-object-type">{t(`objectTypes.${finding.objectType}`)}</span> {finding.objectName}
                </td>
                <td data-label={t("columns.fix")}>
                  <Link to={fix.to} aria-label={t("fixLabel", { action, object: finding.objectName })}>
                    {action}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
