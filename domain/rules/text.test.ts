import { describe, expect, it } from "vitest";
import { canonicalText, characterCount, hasForbiddenCharacters, searchKey } from "./text";

describe("hasForbiddenCharacters", () => {
  it.each([
    ["plain ASCII", "Park 01"],
    ["accented Latin", "Estacionamento São João"],
    ["emoji (a surrogate pair)", "Park 🚗"],
    ["Arabic", "موقف السيارات"],
    ["CJK", "駐車場"],
    ["zero-width joiner inside an emoji family", "👨‍👩‍👧"],
  ])("accepts %s", (_label, value) => {
    expect(hasForbiddenCharacters(value)).toBe(false);
  });

  it.each([
    ["NUL", "Park\u0000"],
    ["BEL", "Park\u0007"],
    ["tab", "Park\tA"],
    ["newline", "Park\nA"],
    ["DEL", "Park\u007f"],
    ["C1 control", "Park\u0085"],
    ["right-to-left override", "Park\u202e10"],
    ["left-to-right embedding", "\u202aPark"],
    ["first strong isolate", "Park\u2068"],
    ["pop directional isolate", "Park\u2069"],
    ["byte order mark", "\ufeffPark"],
    ["noncharacter U+FFFF", "Park\uffff"],
    ["lone high surrogate at the end", "Park\ud83d"],
    ["lone high surrogate before a letter", "Pa\ud83drk"],
    ["lone low surrogate", "Park\ude97"],
    ["reversed surrogate pair", "Park\ude97\ud83d"],
  ])("refuses %s", (_label, value) => {
    expect(hasForbiddenCharacters(value)).toBe(true);
  });
});

describe("characterCount", () => {
  it("counts an emoji as one character although it is two UTF-16 units", () => {
    expect("🚗".length).toBe(2);
    expect(characterCount("🚗")).toBe(1);
    expect(characterCount("Park 🚗🚕")).toBe(7);
  });

  it("counts code points, so a ZWJ family is its parts", () => {
    expect(characterCount("👨‍👩‍👧")).toBe(5);
  });

  it("counts a decomposed accent as two, which is why names are normalised first", () => {
    expect(characterCount("a\u0303")).toBe(2);
    expect(characterCount(canonicalText("a\u0303"))).toBe(1);
  });

  it("counts the empty string as zero", () => {
    expect(characterCount("")).toBe(0);
  });
});

describe("canonicalText", () => {
  it("composes to NFC", () => {
    expect(canonicalText("Sa\u0303o Paulo")).toBe("São Paulo");
    expect(canonicalText("Sa\u0303o Paulo")).toBe("São Paulo".normalize("NFC"));
  });

  it("trims the ends but keeps inner runs of spaces as typed", () => {
    expect(canonicalText("  Park   01 \n")).toBe("Park   01");
  });
});

describe("searchKey", () => {
  it("folds case and accents: São Paulo → sao paulo", () => {
    expect(searchKey("São Paulo")).toBe("sao paulo");
  });

  it("gives a composed and a decomposed spelling the same key", () => {
    expect(searchKey("Sa\u0303o Paulo")).toBe(searchKey("São Paulo"));
  });

  it.each([
    ["Florianópolis", "florianopolis"],
    ["CONCEIÇÃO", "conceicao"],
    ["  Ünïcödé  ", "unicode"],
    ["Park 50%", "park 50%"],
  ])("%s → %s", (input, key) => {
    expect(searchKey(input)).toBe(key);
  });
});
