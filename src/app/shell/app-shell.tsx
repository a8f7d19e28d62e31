import { type RefObject, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Outlet, useLocation } from "react-router";
import { LoadingState } from "@/components/states";
import { useNavigationPending } from "@/lib/history-router";
import { ToastOutlet } from "@/components/toast-outlet";
import { GatewayBanner } from "@/features/gateway";
import { NavToggle, SIDE_NAV_ID, SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

export function AppShell() {
  const { t } = useTranslation();
  // Busy from a link followed until its screen's code, data and words are there to show.
  const pending = useNavigationPending();
  const mainRef = useRef<HTMLElement>(null);
  const { navOpen, toggleNav, toggleRef } = useCollapsedNav(mainRef);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <TopBar menu={<NavToggle open={navOpen} onToggle={toggleNav} buttonRef={toggleRef} />} />
      <SideNav open={navOpen} />
      <main ref={mainRef} id="main" className="main" tabIndex={-1} aria-busy={pending}>
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
 * Closing after a link hides the link that had focus, which would drop focus onto <body>: a
 * keyboard or screen reader user would start again from the top of the page. Focus goes to
 * the new page's main region instead (as the skip link sends it), where the page begins.
 */
function useCollapsedNav(mainRef: RefObject<HTMLElement | null>) {
  // Open at one location entry only: following any link (a new entry) closes it.
  const { key } = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const navOpen = openAt === key;
  // The entry reached from the open navigation, whose main region takes the focus.
  const [arrivedAt, setArrivedAt] = useState<string | null>(null);
  if (openAt !== null && !navOpen) {
    setOpenAt(null);
    setArrivedAt(key);
  }
  useEffect(() => {
    if (arrivedAt === null) return;
    const active = document.activeElement;
    // Only focus lost with the menu (on the hidden link, or on <body>); focus the page put elsewhere stays.
    if (!active || active === document.body || active.closest(`#${SIDE_NAV_ID}`)) mainRef.current?.focus();
  }, [arrivedAt, mainRef]);
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
