import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useNavigation } from "react-router";
import { LoadingState } from "@/components/states";
import { ToastOutlet } from "@/components/toast-outlet";
import { GatewayBanner } from "@/features/gateway";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

export function AppShell() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <TopBar />
      <SideNav />
      <main id="main" className="main" tabIndex={-1} aria-busy={navigation.state === "loading"}>
        {/* Webex mode: a credential Webex refuses, or a token that leaves the app read-only. */}
        <GatewayBanner />
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <ToastOutlet />
    </div>
  );
}
