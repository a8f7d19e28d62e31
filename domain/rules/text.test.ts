import { describe, expect, it } from "vitest";
import { canonicalText, characterCount, hasForbiddenCharacters, isBlank, searchKey } from "./text";

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

/** Characters that show nothing, each of which alone makes a blank name. */
const INVISIBLE_CHARACTERS: [string, string][] = [
  ["space", " "],
  ["tab", "\t"],
  ["newline", "\n"],
  ["no-break space U+00A0", "\u00a0"],
  ["ideographic space U+3000", "\u3000"],
  ["line separator U+2028", "\u2028"],
  ["paragraph separator U+2029", "\u2029"],
  ["em space U+2003", "\u2003"],
  ["narrow no-break space U+202F", "\u202f"],
  ["zero-width space U+200B", "\u200b"],
  ["zero-width non-joiner U+200C", "\u200c"],
  ["zero-width joiner U+200D", "\u200d"],
  ["left-to-right mark U+200E", "\u200e"],
  ["word joiner U+2060", "\u2060"],
  ["invisible separator U+2063", "\u2063"],
  ["byte order mark U+FEFF", "\ufeff"],
  ["soft hyphen U+00AD", "\u00ad"],
  ["Arabic letter mark U+061C", "\u061c"],
  ["Mongolian vowel separator U+180E", "\u180e"],
  ["right-to-left override U+202E", "\u202e"],
  ["combining grapheme joiner U+034F", "\u034f"],
  ["Hangul filler U+3164", "\u3164"],
  ["Hangul choseong filler U+115F", "\u115f"],
  ["Hangul jungseong filler U+1160", "\u1160"],
  ["half-width Hangul filler U+FFA0", "\uffa0"],
  ["braille pattern blank U+2800", "\u2800"],
  ["variation selector-16 U+FE0F", "\ufe0f"],
  ["tag space U+E0020 (a surrogate pair)", "\u{e0020}"],
  ["NUL", "\u0000"],
  ["DEL", "\u007f"],
];

describe("isBlank", () => {
  it("takes the empty string as blank", () => {
    expect(isBlank("")).toBe(true);
  });

  it.each(INVISIBLE_CHARACTERS)("takes a name of %s alone, or several, as blank", (_label, character) => {
    expect(isBlank(character)).toBe(true);
    expect(isBlank(character.repeat(3))).toBe(true);
    expect(isBlank(` ${character}\u200b${character}\u00a0`)).toBe(true);
  });

  it("takes a mixture of every invisible character as blank", () => {
    expect(isBlank(INVISIBLE_CHARACTERS.map(([, c]) => c).join(""))).toBe(true);
  });

  it.each([
    ["a letter", "P"],
    ["a letter between zero-width spaces", "\u200bP\u200b"],
    ["a name with a soft hyphen", "Estaciona\u00admento"],
    ["a zero-width-joiner family", "👨‍👩‍👧"],
    ["a heart with its variation selector", "❤️"],
    ["a flag made of tag characters", "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}"],
    ["Persian with a zero-width non-joiner", "می\u200cخواهم"],
    ["Korean after a Hangul filler", "\u3164주차"],
    ["a digit", "0"],
    ["a full stop", "."],
    ["a braille letter", "\u2801"],
  ])("does not take %s as blank", (_label, value) => {
    expect(isBlank(value)).toBe(false);
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
