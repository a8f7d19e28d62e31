import { describe, expect, it } from "vitest";
import { checkFile } from "./check-file";

describe("checking a chosen file in the browser", () => {
  it("reads Excel's plain CSV (Windows-1252) as the server does, accents intact", async () => {
    // "Florianópolis" as Excel writes it in Brazil: ó is the single byte 0xF3.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("Local;Nome do ramal de estacionamento de chamadas;Ramal\r\nFlorian"),
      0xf3,
      ...new TextEncoder().encode("polis;Doca;8101\r\n"),
    ]);
    const result = await checkFile(new File([bytes], "excel.csv", { type: "text/csv" }), "callParkExtensions");
    expect(result.ok && result.rows[0].row).toEqual({ location: "Florianópolis", name: "Doca", extension: "8101", action: "ADD" });
  });

  it("refuses a file over 1 MB without reading it", async () => {
    const big = new File([new Uint8Array(1024 * 1024 + 1)], "big.csv");
    expect(await checkFile(big, "callParkExtensions")).toEqual({ ok: false, problem: { code: "csvTooLarge", params: { max: 1024 * 1024 } } });
  });
});
