import { describe, expect, it } from "vitest";
import { languageName } from "./language-name";

describe("languageName", () => {
  it("names Webex's language codes in the reader's language", () => {
    expect(languageName("en_us", "en")).toBe("English (United States)");
    expect(languageName("pt_br", "en")).toBe("Portuguese (Brazil)");
    expect(languageName("en_us", "pt-BR")).toBe("Inglês (Estados Unidos)");
    expect(languageName("pt_br", "pt-BR")).toBe("Português (Brasil)");
    expect(languageName("en_gb", "pt-BR")).toBe("Inglês (Reino Unido)");
  });

  it("keeps a code it cannot name, and says nothing for none", () => {
    expect(languageName("not a code!", "en")).toBe("not a code!");
    expect(languageName(undefined, "en")).toBe("");
  });
});
