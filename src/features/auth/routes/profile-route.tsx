import { useTranslation } from "@/lib/use-translation";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { queryClient } from "@/lib/query-client";
import { useSession } from "@/lib/session";
import { accessTokenQueries } from "@/features/auth/api/queries";
import { AccessTokensSection } from "@/features/auth/components/access-tokens-section";
import { ProfileDetails } from "@/features/auth/components/profile-details";
import "@/features/auth/auth.css";

export async function loader(_: LoaderArgs) {
  await queryClient.ensureQueryData(accessTokenQueries.list()).catch(() => undefined);
  return null;
}

/** Profile: who is signed in, and their personal access tokens. */
export default function ProfileRoute() {
  const { t } = useTranslation("auth");
  const me = useSession()?.me;
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <div className="profile">
        {me && <ProfileDetails me={me} />}
        <AccessTokensSection />
      </div>
    </>
  );
}
