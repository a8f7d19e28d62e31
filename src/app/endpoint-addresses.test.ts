import { describe, expect, it } from "vitest";
import { api as addresses } from "@domain/api/addresses";
import { api } from "@domain/api/endpoints";

// vite.config.ts gives the SPA the endpoint table's address half for @domain/api/endpoints:
// zod and every schema would otherwise be on the first screen, through any module that calls the API.
describe("the SPA's endpoint table", () => {
  it("is the address half: no schema, no access rule", () => {
    expect(api).toBe(addresses);
    const entries = Object.values(api).flatMap((group) => Object.values(group) as object[]);
    expect(entries.length).toBeGreaterThan(30);
    for (const entry of entries) {
      expect(entry).not.toHaveProperty("response");
      expect(entry).not.toHaveProperty("query");
      expect(entry).not.toHaveProperty("access");
    }
  });
});
