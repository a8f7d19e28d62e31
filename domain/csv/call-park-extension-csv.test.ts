import { describe, expect, it } from "vitest";
import {
  decodeCsvBytes,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  parseCallParkExtensionCsv,
  toCallParkExtensionCsv,
} from "./call-park-extension-csv";

const header = "Location,Call Park Extension Name,Extension,Action";

describe("reading a bulk-manage CSV", () => {
  it("reads what spreadsheets write: BOM, semicolons, CRLF, quotes, Portuguese headers", () => {
    const text = "\uFEFFLocal;Nome do ramal de estacionamento de chamadas;Ramal;Ação\r\nSão Paulo;\"Recepção; térreo\";7001;\r\n";
    const result = parseCallParkExtensionCsv(text);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          rowNumber: 2,
          values: { location: "São Paulo", name: "Recepção; térreo", extension: "7001", action: "" },
          row: { location: "São Paulo", name: "Recepção; térreo", extension: "7001", action: "ADD" },
          issues: [],
        },
      ],
    });
  });

  it("checks each row with the API's contract, numbering rows as a spreadsheet does", () => {
    const result = parseCallParkExtensionCsv(`${header}\nLondon,${"x".repeat(31)},70a,MOVE\nLondon,,7002,delete\n`);
    if (!result.ok) throw new Error("expected rows");
    expect(result.rows[0].rowNumber).toBe(2);
    expect(result.rows[0].issues.map((i) => i.code).sort()).toEqual(["extensionDigits", "invalidAction", "tooLong"]);
    expect(result.rows[1].row).toEqual({ location: "London", name: "", extension: "7002", action: "DELETE" });
  });

  it("requires a name on an ADD row", () => {
    const result = parseCallParkExtensionCsv(`${header}\nLondon,,7003,\n`);
    expect(result.ok && result.rows[0].issues).toEqual([{ path: ["name"], code: "required" }]);
  });

  it.each([
    ["", "csvEmpty"],
    [`${header}\n`, "csvEmpty"],
    ["a,b\n1,2\n", "csvNotCsv"],
    ["PK\u0003\u0004\u0000binary", "csvNotCsv"],
    ["Location,Extension\nLondon,12\n", "csvMissingColumns"],
    [`${header},Colour\nLondon,x,12,,red\n`, "csvUnknownColumns"],
    ["Location,Local,Call Park Extension Name,Extension\n", "csvDuplicateColumns"],
  ])("refuses a broken file (%j) with %s", (text, code) => {
    const result = parseCallParkExtensionCsv(text);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });

  it("refuses more than 1,000 rows and more than 1 MB", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `London,P${i},${7000 + i}`).join("\n");
    const many = parseCallParkExtensionCsv(`${header}\n${rows}`);
    expect(many.ok ? undefined : many.problem).toEqual({ code: "csvTooManyRows", params: { max: 1000, rows: 1001 } });
    const big = parseCallParkExtensionCsv(header, MAX_CSV_BYTES + 1);
    expect(big.ok ? undefined : big.problem.code).toBe("csvTooLarge");
  });
});

describe("decoding a file's bytes", () => {
  it("reads UTF-8, with or without BOM, and Excel's Windows-1252 alike", () => {
    const utf8 = new TextEncoder().encode("Florianópolis");
    expect(decodeCsvBytes(utf8)).toBe("Florianópolis");
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("Florianópolis");
    const cp1252 = new Uint8Array([...new TextEncoder().encode("Florian"), 0xf3, ...new TextEncoder().encode("polis")]);
    expect(decodeCsvBytes(cp1252)).toBe("Florianópolis");
  });
});

describe("writing the CSV", () => {
  it("neutralises cells a spreadsheet would run, and reads them back unchanged", () => {
    const rows = [
      { location: "London", name: "=SUM(A1)", extension: "7001" },
      { location: "+London", name: "@cmd", extension: "7002" },
      { location: "São Paulo", name: "-1 \"quoted\"; semi", extension: "7003" },
    ];
    const csv = toCallParkExtensionCsv(rows);
    expect(csv).toContain('"\'=SUM(A1)"');
    expect(csv).toContain('"\'+London"');
    const back = parseCallParkExtensionCsv(csv);
    if (!back.ok) throw new Error("expected rows");
    expect(back.rows.map((r) => r.values)).toEqual(rows.map((r) => ({ ...r, action: "ADD" })));
  });
});
