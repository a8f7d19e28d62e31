import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { initI18n } from "@/lib/i18n";
import { FEATURES_PATH, SIGN_IN_PATH } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { readLocales } from "@/test/locales";
import { mswPath } from "@/test/msw-path";
import { server } from "@/test/server";
import { testSession } from "@/test/session";
import { captureFirstPaint, routes, SignInLoading } from "./router";

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
    const router = createMemoryRouter(routes, { initialEntries: [FEATURES_PATH] });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    try {
      await waitFor(() => expect(asked).toEqual(expect.arrayContaining(FIRST_SCREEN)));
    } finally {
      release();
    }
    expect(await screen.findByRole("heading", { level: 1, name: "Features" })).toBeInTheDocument();
    expect(await screen.findByText("7 call park extensions")).toBeInTheDocument();
  });
});

describe("sign-in's first paint", () => {
  // index.html as the build writes it (scripts/vite-first-paint.ts, tested there): the frame in
  // each language, one chosen by its script.
  const frame = (language: string) => {
    const words = locales[language].auth.signIn as Record<string, string>;
    return (
      `<div class="sign-in-page first-paint" data-first-paint="sign-in-${language}" lang="${language}">` +
      `<main class="sign-in-main"><div class="sign-in-card"><h1>${words.title}</h1><p class="page-description">${words.description}</p></div></main></div>`
    );
  };
  const paintIndexHtml = (chosen: string | null) => {
    if (chosen) document.documentElement.setAttribute("data-first-paint", chosen);
    else document.documentElement.removeAttribute("data-first-paint");
    const root = document.createElement("div");
    root.id = "first-paint-root";
    root.innerHTML = frame("en") + frame("pt-BR");
    document.body.append(root);
    captureFirstPaint();
    // React replaces index.html's content as it renders.
    root.remove();
  };

  afterEach(() => {
    document.documentElement.removeAttribute("data-first-paint");
    captureFirstPaint();
  });

  it("keeps index.html's frame on screen while the page's code and loader load", () => {
    paintIndexHtml("sign-in-pt-BR");
    const { container } = render(<SignInLoading />);
    expect(container.firstElementChild).toHaveAttribute("aria-busy", "true");
    // Both languages are copied; the stylesheet shows the chosen one (first-paint.css), which jsdom does not apply.
    const chosen = container.querySelector('[data-first-paint="sign-in-pt-BR"]');
    expect(chosen).toHaveAttribute("lang", "pt-BR");
    expect(chosen?.querySelector("h1")).toHaveTextContent("Entrar");
    const words = locales["pt-BR"].auth.signIn as Record<string, string>;
    expect(chosen?.querySelector(".page-description")).toHaveTextContent(words.description);
    expect(routes.find((route) => route.path === SIGN_IN_PATH)?.hydrateFallbackElement).toEqual(<SignInLoading />);
  });

  it("shows a spinner when index.html's script chose no frame (another address at first)", () => {
    paintIndexHtml(null);
    const { container } = render(<SignInLoading />);
    expect(container.querySelector(".spinner")).toBeInTheDocument();
    expect(container.querySelector("h1")).toBeNull();
  });
});
