import { describe, expect, it } from "vitest";
import { pickLanguage, translate } from "./messages";

describe("pickLanguage", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["pt-BR", "pt-BR"],
    ["PT-br", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["en-US,en;q=0.9", "en"],
    ["en;q=0.4, pt-BR;q=0.6", "pt-BR"],
    ["fr-CA, fr;q=0.9, pt;q=0.5", "pt-BR"],
    ["ja", "en"],
    ["pt;q=abc, en;q=0.1", "en"],
  ])("%j → %s", (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});

describe("translate", () => {
  it("interpolates parameters", () => {
    expect(translate("en", "errors", "extensionTaken", { extension: "1001" })).toBe(
      "Extension 1001 is already in use in this location.",
    );
    expect(translate("pt-BR", "validation", "tooLong", { max: 30 })).toBe("Insira no máximo 30 caracteres.");
  });

  it("prefers the key_CONTEXT variant, as i18next does", () => {
    const params = { extension: "1001", ownerName: "Alex Smith", context: "PEOPLE" };
    expect(translate("en", "validation", "extensionTaken", params)).toBe(
      "Extension 1001 is already used by the person Alex Smith.",
    );
    expect(translate("pt-BR", "validation", "extensionTaken", { ...params, context: "HUNT_GROUP", ownerName: "Suporte" })).toBe(
      "O ramal 1001 já é usado pelo grupo de busca Suporte.",
    );
  });

  it("falls back to the plain key when the context has no variant", () => {
    expect(translate("en", "errors", "extensionTaken", { extension: "7", context: "UNKNOWN" })).toBe(
      "Extension 7 is already in use in this location.",
    );
  });

  it("answers the key itself when no catalogue has it", () => {
    expect(translate("pt-BR", "errors", "noSuchKey")).toBe("noSuchKey");
  });
});

describe("translate with a count", () => {
  it("picks the language's plural form, as i18next does", () => {
    expect(translate("en", "errors", "tooManyRequests", { count: 1 })).toBe("Too many requests: try again in 1 second.");
    expect(translate("en", "errors", "tooManyRequests", { count: 42 })).toBe("Too many requests: try again in 42 seconds.");
    expect(translate("pt-BR", "errors", "tooManyRequests", { count: 1 })).toBe("Muitas solicitações: tente novamente em 1 segundo.");
    expect(translate("pt-BR", "errors", "tooManyRequests", { count: 30 })).toBe("Muitas solicitações: tente novamente em 30 segundos.");
    // Portuguese puts 0 with 1 ("0 segundo"): a `_zero` form says it as a person would.
    expect(translate("pt-BR", "errors", "tooManyRequests", { count: 0 })).toBe("Muitas solicitações: tente novamente agora.");
    expect(translate("en", "errors", "tooManyRequests", { count: 0 })).toBe("Too many requests: try again now.");
  });

  it("writes a {{name, number}} as the language writes numbers, as i18next does", () => {
    expect(translate("en", "errors", "tooManyRequests", { count: 1200 })).toContain(" 1,200 ");
    expect(translate("pt-BR", "errors", "tooManyRequests", { count: 1200 })).toContain(" 1.200 ");
  });

  it("falls back to the plain key without a count, and for a key with no plural forms", () => {
    expect(translate("en", "errors", "tooManyRequests")).toBe("Too many requests. Wait a moment and try again.");
    expect(translate("en", "errors", "accessTokenLimit", { max: 5, count: 5 })).toBe("You already have 5 access tokens. Revoke one before creating another.");
  });
});
