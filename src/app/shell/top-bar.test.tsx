import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { i18n, initI18n, LANGUAGE_STORAGE_KEY } from "@/lib/i18n";
import { gatewayStatusQuery } from "@/lib/session";
import { THEME_STORAGE_KEY } from "@/lib/theme";
import { readLocales } from "@/test/locales";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { gatewayStatusHandler } from "@/test/session";
import { webexStatus } from "@/features/gateway/test-status";
import { TopBar } from "./top-bar";

const locales = readLocales();

// The app's own i18n setup (HTTP backend, language detector) with MSW serving public/locales.
const appHandlers = [
  http.get("*/locales/:language/:file", ({ params }) => {
    const namespace = locales[String(params.language)]?.[String(params.file).replace(/\.json$/, "")];
    return namespace ? HttpResponse.json(namespace) : new HttpResponse(null, { status: 404 });
  }),
  http.get(mswPath(api.organizations.list), () =>
    HttpResponse.json({ items: [{ id: "ORG1", displayName: "Acme Brasil", created: "2024-01-01T00:00:00.000Z" }] }),
  ),
];

beforeAll(async () => {
  server.use(...appHandlers);
  await initI18n();
});

beforeEach(async () => {
  server.use(...appHandlers);
  await i18n.changeLanguage("en");
  localStorage.clear();
  document.documentElement.className = "";
});

const renderTopBar = () => renderWithProviders(<TopBar />, { language: null });

describe("TopBar: language", () => {
  it("switches the interface to Portuguese and remembers the choice", async () => {
    const { user } = await renderTopBar();
    const language = screen.getByRole("combobox", { name: "Language" });
    expect(language).toHaveValue("en");
    expect(screen.getByRole("button", { name: "Dark theme" })).toBeInTheDocument();

    await user.selectOptions(language, "Português (Brasil)");

    expect(await screen.findByRole("combobox", { name: "Idioma" })).toHaveValue("pt-BR");
    expect(screen.getByRole("button", { name: "Tema escuro" })).toBeInTheDocument();
    expect(i18n.resolvedLanguage).toBe("pt-BR");
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("pt-BR");
    expect(document.documentElement).toHaveAttribute("lang", "pt-BR");
  });

  it("shows the organization's name", async () => {
    await renderTopBar();
    await waitFor(() => expect(screen.getByLabelText("Organization")).toHaveTextContent("Acme Brasil"));
  });
});

describe("TopBar: Webex mode", () => {
  it("shows nothing of Webex on a standalone server", async () => {
    const { queryClient } = await renderTopBar();
    await waitFor(() => expect(queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
    await waitFor(() => expect(screen.getByLabelText("Organization")).toHaveTextContent("Acme Brasil"));
    await screen.findByRole("button", { name: /Test Admin/ });
    expect(screen.queryByRole("button", { name: "Synchronize now" })).not.toBeInTheDocument();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Dark theme", expect.stringContaining("Test Admin")]);
  });

  it("shows the Webex badge, its words loaded as the app loads any namespace, in the chosen language", async () => {
    server.use(gatewayStatusHandler(webexStatus()));
    const { user } = await renderTopBar();
    expect(await screen.findByRole("button", { name: "Webex Acme Telecom Synchronized 3 minutes ago" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Synchronize now" })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "Português (Brasil)");
    expect(await screen.findByRole("button", { name: "Webex Acme Telecom Sincronizado há 3 minutos" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sincronizar agora" })).toBeInTheDocument();
  });
});

describe("TopBar: theme", () => {
  const html = document.documentElement;

  it("toggles between Momentum's light and dark themes and remembers the choice", async () => {
    const { user } = await renderTopBar();
    const toggle = screen.getByRole("button", { name: "Dark theme" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(html).toHaveClass("mds-theme-stable-darkWebex");
    expect(html).not.toHaveClass("mds-theme-stable-lightWebex");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(html).toHaveClass("mds-theme-stable-lightWebex");
    expect(html).not.toHaveClass("mds-theme-stable-darkWebex");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
  });

  it("starts from the stored theme", async () => {
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    const { user } = await renderTopBar();
    const toggle = screen.getByRole("button", { name: "Dark theme" });
    expect(toggle).toHaveAttribute("aria-pressed", "true");

    await user.click(toggle);
    expect(html).toHaveClass("mds-theme-stable-lightWebex");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
  });
});
