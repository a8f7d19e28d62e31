import { describe, expect, it } from "vitest";
import { setTestLanguage } from "@/test/i18n";
import { csvRowReason } from "./csv-row-reason";
import { i18n } from "./i18n";

describe("why a CSV row fails", () => {
  it("names the column when the message alone would not say which cell", async () => {
    await setTestLanguage("en");
    const reason = csvRowReason(i18n.t, [
      { path: ["name"], code: "required" },
      { path: ["extension"], code: "extensionDigits" },
    ]);
    expect(reason).toBe("Call Park Extension Name: This field is required. An extension contains digits only (0–9).");
  });

  it("speaks Portuguese, and falls back on the server's words for an unknown code", async () => {
    await setTestLanguage("pt-BR");
    expect(csvRowReason(i18n.t, [{ path: ["location"], code: "required" }])).toBe("Local: Este campo é obrigatório.");
    expect(csvRowReason(i18n.t, [], "Palavras do servidor")).toBe("Palavras do servidor");
  });
});
