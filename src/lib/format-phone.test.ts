import { describe, expect, it } from "vitest";
import { formatPhone } from "./format-phone";

describe("formatPhone", () => {
  it("reads a number of the location's own country nationally, keeping its E.164", () => {
    expect(formatPhone("+551130001001", "BR")).toEqual({ text: "(11) 3000-1001", e164: "+551130001001" });
    expect(formatPhone("+14085551000", "US")).toEqual({ text: "(408) 555-1000", e164: "+14085551000" });
    expect(formatPhone("+442085551000", "gb")).toEqual({ text: "020 8555 1000", e164: "+442085551000" });
  });

  it("reads a number of another country, or with no country known, internationally", () => {
    expect(formatPhone("+14085551000", "BR")).toEqual({ text: "+1 408 555 1000", e164: "+14085551000" });
    expect(formatPhone("+5511987654321")).toEqual({ text: "+55 11 98765 4321", e164: "+5511987654321" });
  });

  it("shows a number it cannot place as it came, rather than split it wrongly", () => {
    expect(formatPhone("+55113551000", "BR")).toEqual({ text: "+55113551000", e164: "+55113551000" });
    expect(formatPhone("1234", "US")).toEqual({ text: "1234", e164: "1234" });
  });
});
