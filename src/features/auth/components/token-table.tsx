import { useTranslation } from "@/lib/use-translation";
import type { AccessToken } from "@domain/schemas/auth";
import { formatDateTime } from "@/lib/format-date-time";

/** The personal access tokens: name, last characters, created, last used, Revoke. */
export function TokenTable({ items, onRevoke }: { items: AccessToken[]; onRevoke: (token: AccessToken) => void }) {
  const { t, i18n } = useTranslation("auth");
  const language = i18n.resolvedLanguage ?? i18n.language;
  const moment = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, language, "short")}</time>;
  return (
    <div className="table-wrap">
      <table className="table table-stacked">
        <caption className="visually-hidden">{t("tokens.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tokens.columns.name")}</th>
            <th scope="col">{t("tokens.columns.token")}</th>
            <th scope="col">{t("tokens.columns.created")}</th>
            <th scope="col">{t("tokens.columns.lastUsed")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("tokens.columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((token) => (
            <tr key={token.id}>
              <td className="cell-title">{token.name}</td>
              <td className="mono" data-label={t("tokens.columns.token")}>
                {t("tokens.hint", { hint: token.hint })}
              </td>
              <td data-label={t("tokens.columns.created")}>{moment(token.created)}</td>
              <td data-label={t("tokens.columns.lastUsed")}>{token.lastUsed ? moment(token.lastUsed) : t("tokens.never")}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn btn-danger-outline btn-small"
                  aria-label={t("tokens.revokeLabel", { name: token.name })}
                  onClick={() => onRevoke(token)}
                >
                  {t("tokens.revoke")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
