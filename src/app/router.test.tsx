import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { UNSAFE_createMemoryHistory as createMemoryHistory } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { initI18n } from "@/lib/i18n";
import { FEATURES_PATH, LOCATIONS_PATH } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { readLocales } from "@/test/locales";
import { mswPath } from "@/test/msw-path";
import { server } from "@/test/server";
import { testSession } from "@/test/session";
import { mayBeSignedIn, rememberSignedIn } from "@/lib/session";
import { apiErrorResponse, LOCATIONS } from "@/test/fixtures";
import { guardHistory } from "@/lib/guarded-history";
import { AppRouter, captureFirstPaint, ShellLoading } from "./router";

// The first screen waits on no chain: the session, the language's files and the screen's
// own namespaces are all asked for before any of them answers. Every answer below is held
// until all of them have been asked: a request made only after another's answer is never made.

const locales = readLocales();
const FIRST_SCREEN = [
  urlOf(api.session.get),
  "/locales/en/common.json",
  "/locales/en/auth.json",
  "/locales/en/callParkExtensions.json",
  "/locales/en/callParkGroups.json",
];

function holdingAnswers() {
  const asked: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = async (request: Request, answer: () => Response) => {
    asked.push(new URL(request.url).pathname);
    await released;
    return answer();
  };
  server.use(
    http.get(mswPath(api.session.get), ({ request }) => held(request, () => HttpResponse.json(testSession()))),
    http.get("*/locales/:language/:file", ({ request, params }) =>
      held(request, () => {
        const namespace = locales[String(params.language)]?.[String(params.file).replace(/\.json$/, "")];
        return namespace ? HttpResponse.json(namespace) : new HttpResponse(null, { status: 404 });
      }),
    ),
    http.get(mswPath(api.organizations.list), () => HttpResponse.json({ items: [] })),
    http.get(mswPath(api.callParkExtensions.list), () =>
      HttpResponse.json({ callParkExtensions: [] }, { headers: { "X-Total-Count": "7" } }),
    ),
    http.get(mswPath(api.callParks.orgList), () => HttpResponse.json({ callParks: [] }, { headers: { "X-Total-Count": "2" } })),
  );
  return { asked, release };
}

/** The app's routes over a memory history at `url`, as main.tsx renders them over the browser's. */
function renderApp(url: string) {
  const history = guardHistory(createMemoryHistory({ initialEntries: [url], v5Compat: true }));
  const rendered = render(
    <QueryClientProvider client={queryClient}>
      <AppRouter history={history} />
    </QueryClientProvider>,
  );
  return { ...rendered, history };
}

beforeAll(() => {
  localStorage.clear();
});

afterEach(() => {
  queryClient.clear();
});

describe("the first screen's requests", () => {
  it("Features: the session, the language's files and the cards' namespaces are asked for at once", async () => {
    const { asked, release } = holdingAnswers();
    void initI18n();
    renderApp(FEATURES_PATH);
    try {
      await waitFor(() => expect(asked).toEqual(expect.arrayContaining(FIRST_SCREEN)));
    } finally {
      release();
    }
    expect(await screen.findByRole("heading", { level: 1, name: "Features" })).toBeInTheDocument();
    expect(await screen.findByText("7 call park extensions")).toBeInTheDocument();
  });
});

describe("a link followed", () => {
  it("keeps the screen before it, busy, while the next one's code, words and data load, all at once", async () => {
    void initI18n();
    server.use(
      http.get(mswPath(api.session.get), () => HttpResponse.json(testSession())),
      http.get("*/locales/:language/:file", ({ params }) => {
        const namespace = locales[String(params.language)]?.[String(params.file).replace(/\.json$/, "")];
        return namespace ? HttpResponse.json(namespace) : new HttpResponse(null, { status: 404 });
      }),
      http.get(mswPath(api.organizations.list), () => HttpResponse.json({ items: [] })),
      http.get(mswPath(api.callParkExtensions.list), () => HttpResponse.json({ callParkExtensions: [] }, { headers: { "X-Total-Count": "7" } })),
      http.get(mswPath(api.callParks.orgList), () => HttpResponse.json({ callParks: [] }, { headers: { "X-Total-Count": "2" } })),
    );
    const user = userEvent.setup();
    renderApp(FEATURES_PATH);
    expect(await screen.findByText("7 call park extensions")).toBeInTheDocument();

    // The Locations screen's words held: its list is asked for as the screen's code arrives,
    // without waiting for them, and the screen waits for both.
    const { asked, release } = holdingAnswers();
    server.use(
      http.get(mswPath(api.locations.list), ({ request }) => {
        asked.push(new URL(request.url).pathname);
        return HttpResponse.json({ items: [{ ...LOCATIONS[0], callParkCounts: { callParkExtensions: 3, callParks: 1, callParksUsingHuntWaitTime: 0 } }] }, { headers: { "X-Total-Count": "1" } });
      }),
    );
    await user.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Locations" }));
    try {
      await waitFor(() => expect(asked).toEqual(expect.arrayContaining([urlOf(api.locations.list), "/locales/en/locations.json"])));
      expect(screen.getByRole("heading", { level: 1, name: "Features" })).toBeInTheDocument();
      expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
    } finally {
      release();
    }
    expect(await screen.findByRole("heading", { level: 1, name: "Locations" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: LOCATIONS[0].name })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
  });
});

describe("a screen without a session", () => {
  // No session kept from the test before (its screen may have asked again as it was left).
  beforeEach(() => queryClient.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("leaves for the sign-in page, a page of its own, loaded anew, coming back here afterwards", async () => {
    // A gone session: every request is refused, the screen's own (asked for beside it) too.
    server.use(
      http.get(mswPath(api.session.get), () => apiErrorResponse(401, "unauthorized")),
      http.get(mswPath(api.locations.list), () => apiErrorResponse(401, "unauthorized")),
    );
    const assign = vi.fn();
    // jsdom cannot load another page; the address the page leaves for is observed instead.
    vi.stubGlobal("location", { ...window.location, pathname: LOCATIONS_PATH, search: "?name=S%C3%A3o", assign });
    rememberSignedIn(true);
    const { history, container } = renderApp(`${LOCATIONS_PATH}?name=S%C3%A3o`);
    await waitFor(() => expect(assign).toHaveBeenCalledWith(`/sign-in?next=${encodeURIComponent(`${LOCATIONS_PATH}?name=S%C3%A3o`)}`));
    expect(mayBeSignedIn()).toBe(false);
    // The app has no sign-in screen of its own: nothing else renders while the page goes.
    expect(history.location.pathname).toBe(LOCATIONS_PATH);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("heading", { level: 1 })).toBeNull();
    expect(container.querySelector(".shell-skeleton")).toBeInTheDocument();
  });
});

describe("a framed page's first paint", () => {
  // A framed page as the build writes it (scripts/vite-first-paint.ts, tested there): its frame
  // in each language, one chosen by its script.
  const frames: Record<string, (language: string) => string> = {
    [FEATURES_PATH]: (language) => {
      const card = locales[language].callParkExtensions.card as Record<string, string>;
      return (
        `<div class="shell first-paint" data-first-paint="shell" lang="${language}"><header class="top-bar"><span class="brand-name">Call Park Admin</span></header>` +
        `<main class="main"><h1>${(locales[language].common.features as Record<string, string>).title}</h1>` +
        `<article class="feature-card"><p class="feature-card-description">${card.description}</p></article></main></div>`
      );
    },
  };
  const paintFramedPage = (screenPath: string, chosen: string | null) => {
    if (chosen) document.documentElement.setAttribute("data-first-paint", chosen);
    else document.documentElement.removeAttribute("data-first-paint");
    const root = document.createElement("div");
    root.id = "first-paint-root";
    root.innerHTML = frames[screenPath]("en") + frames[screenPath]("pt-BR");
    document.body.append(root);
    captureFirstPaint();
    // React replaces the page's content as it renders.
    root.remove();
  };

  afterEach(() => {
    document.documentElement.removeAttribute("data-first-paint");
    captureFirstPaint();
  });

  it("keeps a signed-in screen's frame, shell and all, while the first screen's code and data load", () => {
    paintFramedPage(FEATURES_PATH, "en");
    const { container } = render(<ShellLoading />);
    const chosen = container.querySelector('.first-paint[lang="en"]');
    expect(chosen).toHaveClass("shell");
    expect(chosen?.querySelector(".top-bar .brand-name")).toHaveTextContent("Call Park Admin");
    expect(chosen?.querySelector("h1")).toHaveTextContent("Features");
    expect(chosen?.querySelector(".feature-card-description")).toHaveTextContent((locales.en.callParkExtensions.card as Record<string, string>).description);
  });

  it("is what the app shows until the first screen is ready, then the screen", async () => {
    paintFramedPage(FEATURES_PATH, "en");
    const { release } = holdingAnswers();
    void initI18n();
    const { container } = renderApp(FEATURES_PATH);
    try {
      expect(container.querySelector('.first-paint[lang="en"] h1')).toHaveTextContent("Features");
    } finally {
      release();
    }
    expect(await screen.findByText("7 call park extensions")).toBeInTheDocument();
    expect(container.querySelector(".first-paint")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Features" })).toBeInTheDocument();
  });

  it("shows the app's skeleton when the page's script chose no frame (another address at first)", () => {
    paintFramedPage(FEATURES_PATH, null);
    const { container } = render(<ShellLoading />);
    expect(container.querySelector(".shell-skeleton")).toBeInTheDocument();
    expect(container.querySelector("h1")).toBeNull();
  });
});
