import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date-time";
import { formatNumber } from "./format-number";

// The expected texts are built from the Date's own local fields, so the tests hold in any
// time zone the machine runs in.
const ISO = "2026-11-27T14:03:09Z";
const local = new Date(ISO);
const pad = (n: number) => String(n).padStart(2, "0");
const day = pad(local.getDate());
const month = pad(local.getMonth() + 1);
const year = String(local.getFullYear());
const hour12 = local.getHours() % 12 || 12;
const ampm = local.getHours() < 12 ? "AM" : "PM";
/** Intl puts a narrow no-break space before AM/PM: compare spaces as spaces. */
const spaces = (text: string) => text.replace(/\s/g, " ");

describe("formatDateTime", () => {
  it("writes a Brazilian date and time as Brazilians do: day first, 24 h, no comma", () => {
    expect(formatDateTime(ISO, "pt-BR", "short")).toBe(`${day}/${month}/${year} ${pad(local.getHours())}:${pad(local.getMinutes())}`);
    expect(formatDateTime(ISO, "pt-BR")).toBe(
      `${day}/${month}/${year} ${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`,
    );
  });

  it("writes an English one in US style: month first, 12 h", () => {
    expect(spaces(formatDateTime(ISO, "en", "short"))).toBe(`${month}/${day}/${year}, ${hour12}:${pad(local.getMinutes())} ${ampm}`);
    expect(spaces(formatDateTime(ISO, "en"))).toBe(
      `${month}/${day}/${year}, ${hour12}:${pad(local.getMinutes())}:${pad(local.getSeconds())} ${ampm}`,
    );
  });

  it("gives nothing for no moment, and an unreadable one as it came", () => {
    expect(formatDateTime(undefined, "pt-BR")).toBe("");
    expect(formatDateTime("yesterday", "en")).toBe("yesterday");
  });
});

describe("formatNumber", () => {
  it("groups thousands as the language does", () => {
    expect(formatNumber(1000, "pt-BR")).toBe("1.000");
    expect(formatNumber(1234567, "pt-BR")).toBe("1.234.567");
    expect(formatNumber(1000, "en")).toBe("1,000");
    expect(formatNumber(42, "en")).toBe("42");
  });

  it("shows an unknown count as a dash", () => {
    expect(formatNumber(undefined, "en")).toBe("—");
    expect(formatNumber(null, "pt-BR")).toBe("—");
  });
});
