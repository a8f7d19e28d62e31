import { describe, expect, it } from "vitest";
import { interpolate, messageKeys } from "./messages";

describe("messageKeys", () => {
  it("is the key alone without a count or a context", () => {
    expect(messageKeys("card.count", "en", {})).toEqual(["card.count"]);
    expect(messageKeys("card.count", "en", { count: "3", context: "" })).toEqual(["card.count"]);
  });

  it("puts the language's plural form before the key, and a _zero form first at 0", () => {
    expect(messageKeys("n", "en", { count: 1 })).toEqual(["n_one", "n"]);
    expect(messageKeys("n", "en", { count: 2 })).toEqual(["n_other", "n"]);
    // Portuguese puts 0 with 1: without its _zero form, 0 would read "0 membro".
    expect(messageKeys("n", "pt-BR", { count: 0 })).toEqual(["n_zero", "n_one", "n"]);
    expect(messageKeys("n", "en", { count: 0 })).toEqual(["n_zero", "n_other", "n"]);
  });

  it("tries the context's forms before the plain key's", () => {
    expect(messageKeys("taken", "en", { context: "PEOPLE" })).toEqual(["taken_PEOPLE", "taken"]);
    expect(messageKeys("taken", "pt-BR", { context: "callParks", count: 0 })).toEqual([
      "taken_callParks_zero",
      "taken_callParks_one",
      "taken_callParks",
      "taken_zero",
      "taken_one",
      "taken",
    ]);
  });
});

describe("interpolate", () => {
  it("fills each placeholder, numbers as the language writes them", () => {
    expect(interpolate("{{name}} has {{count, number}} ({{count}})", "en", { name: "Park", count: 1200 })).toBe("Park has 1,200 (1200)");
    expect(interpolate("{{ count , number }} segundos", "pt-BR", { count: 1200 })).toBe("1.200 segundos");
  });

  it("writes nothing for a placeholder without a value", () => {
    expect(interpolate("[{{a}}][{{b}}][{{c}}]", "en", { a: undefined, b: null })).toBe("[][][]");
  });

  it("writes a value as it is, without filling placeholders inside it", () => {
    expect(interpolate("{{name}} and {{other}}", "en", { name: "{{other}}", other: "x" })).toBe("{{other}} and x");
  });
});
