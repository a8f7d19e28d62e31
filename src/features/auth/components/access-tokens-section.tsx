import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { AccessToken } from "@domain/schemas/auth";
import { Icon } from "@/components/icon";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { accessTokenQueries } from "@/features/auth/api/queries";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokenTable } from "./token-table";

/** Personal access tokens: what they are, the list, Create token and Revoke. */
export function AccessTokensSection() {
  const { t } = useTranslation("auth");
  const tokens = useQuery(accessTokenQueries.list());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  return (
    <section className="profile-section" aria-labelledby="tokens-title">
      <div className="profile-section-header">
        <h2 id="tokens-title">{t("tokens.title")}</h2>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" />
          {t("tokens.create")}
        </button>
      </div>
      <p className="muted">{t("tokens.explanation")}</p>
      <p className="muted">
        {t("tokens.usage")} <code className="token-header">{t("tokens.headerExample")}</code>
      </p>
      <QueryView query={tokens} isEmpty={(items) => items.length === 0} empty={<EmptyState title={t("tokens.empty")} />}>
        {(items) => <TokenTable items={items} onRevoke={setRevoking} />}
      </QueryView>
      <CreateTokenDialog isOpen={creating} onClose={() => setCreating(false)} />
      <RevokeTokenDialog target={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}
