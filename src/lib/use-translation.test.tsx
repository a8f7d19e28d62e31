import { act, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { Suspense, useEffect } from "react";
import { describe, expect, it } from "vitest";
import { server } from "@/test/server";
import { setTestLanguage } from "@/test/i18n";
import { i18n, type TFunction } from "./i18n";
import { Trans, useTranslation } from "./use-translation";

// The components' side of i18n: words that follow the language, a screen that waits for its
// namespace rather than showing keys, and translations with elements in them.

function Title({ seen }: { seen?: TFunction[] }) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  useEffect(() => void seen?.push(t), [t, seen]);
  return <h1>{t("list.title")}</h1>;
}

describe("useTranslation", () => {
  it("draws again in a new language, with a new t", async () => {
    await setTestLanguage("en");
    const seen: TFunction[] = [];
    render(<Title seen={seen} />);
    expect(screen.getByRole("heading")).toHaveTextContent("Call Park Groups");
    await act(() => i18n.changeLanguage("pt-BR"));
    expect(screen.getByRole("heading")).toHaveTextContent("Grupos de estacionamento de chamadas");
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    await act(() => i18n.changeLanguage("en"));
  });

  it("waits for a namespace not loaded yet, then draws its words", async () => {
    await setTestLanguage("en");
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get("*/locales/en/lateNamespace.json", async () => {
        await held;
        return HttpResponse.json({ word: "Arrived" });
      }),
    );
    function Late() {
      const { t } = useTranslation("lateNamespace");
      return <p>{t("word")}</p>;
    }
    render(
      <Suspense fallback={<p>Waiting</p>}>
        <Late />
      </Suspense>,
    );
    expect(screen.getByText("Waiting")).toBeInTheDocument();
    expect(screen.queryByText("word")).toBeNull();
    release();
    expect(await screen.findByText("Arrived")).toBeInTheDocument();
  });
});

describe("Trans", () => {
  it("puts the named elements where the words place them, in the count's form", async () => {
    await setTestLanguage("en");
    i18n.addResources("en", "transTest", { free_one: "<list></list> is free.", free_other: "<list></list> are free.", quoted: "See <b>this</b> now" });
    const t = i18n.fixedT(["transTest"]);
    const { container, rerender } = render(<Trans t={t} i18nKey="free" count={2} components={{ list: <strong>8001, 8002</strong> }} />);
    expect(container.innerHTML).toBe("<strong>8001, 8002</strong> are free.");
    rerender(<Trans t={t} i18nKey="free" count={1} components={{ list: <strong>8001</strong> }} />);
    expect(container.innerHTML).toBe("<strong>8001</strong> is free.");
    rerender(<Trans t={t} i18nKey="quoted" components={{ b: <em /> }} />);
    expect(container.innerHTML).toBe("See <em>this</em> now");
  });
});
