import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigation } from "react-router";
import { LoadingState } from "@/components/states";
import { ToastOutlet } from "@/components/toast-outlet";
import { GatewayBanner } from "@/features/gateway";
import { NavToggle, SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

export function AppShell() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { navOpen, toggleNav, toggleRef } = useCollapsedNav();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <TopBar menu={<NavToggle open={navOpen} onToggle={toggleNav} buttonRef={toggleRef} />} />
      <SideNav open={navOpen} />
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

/**
 * The narrow screen's navigation, behind the Menu button: it closes once a link is followed
 * (any navigation), and on Escape, which gives focus back to the button as a disclosure should.
 */
function useCollapsedNav() {
  // Open at one location entry only: following any link (a new entry) closes it.
  const { key } = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const navOpen = openAt === key;
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!navOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      setOpenAt(null);
      toggleRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [navOpen]);
  return { navOpen, toggleNav: () => setOpenAt(navOpen ? null : key), toggleRef };
}
