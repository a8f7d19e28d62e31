import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addresses, api as spaApi } from "./addresses";
import { joinEndpoints } from "./endpoint";
import { allEndpoints, api } from "./endpoints";

// The endpoint table is two halves joined in ./endpoints.ts: each endpoint's address
// (./addresses.ts, all the SPA holds) and its contract (schemas, access, Webex or ours).
// The SPA calls exactly the addresses the server registers.

const ADDRESS_KEYS = ["method", "path", "status", "list", "versioned"];
const pick = (e: object) => Object.fromEntries(Object.entries(e).filter(([key]) => ADDRESS_KEYS.includes(key)));

describe("the address half of the endpoint table", () => {
  it("gives the SPA every endpoint with the very address the server registers", () => {
    const drift: string[] = [];
    for (const { name, endpoint } of allEndpoints) {
      const [group, entry] = name.split(".");
      const address = (spaApi as unknown as Record<string, Record<string, object>>)[group]?.[entry];
      if (!address) drift.push(`${name}: no address`);
      else if (JSON.stringify(address) !== JSON.stringify(pick(endpoint))) {
        drift.push(`${name}: SPA ${JSON.stringify(address)}, server ${JSON.stringify(pick(endpoint))}`);
      }
    }
    const spaNames = Object.entries(spaApi).flatMap(([group, entries]) => Object.keys(entries).map((entry) => `${group}.${entry}`));
    expect(drift).toEqual([]);
    expect(spaNames.sort()).toEqual(allEndpoints.map(({ name }) => name).sort());
  });

  it("holds addresses only: no schema, no access rule", () => {
    for (const entries of Object.values(addresses)) {
      for (const address of Object.values(entries)) {
        expect(Object.keys(address).every((key) => ADDRESS_KEYS.includes(key)), JSON.stringify(address)).toBe(true);
      }
    }
  });
});

describe("joinEndpoints", () => {
  const table = { things: { list: { method: "GET", path: "/things", status: 200, list: "items" } } } as const;
  const contract = { query: z.object({ max: z.number() }), access: "read", webex: false, summary: "Things" } as const;

  it("joins each address with its contract", () => {
    const joined = joinEndpoints(table, { things: { list: contract } });
    expect(joined.things.list).toEqual({ ...table.things.list, ...contract });
  });

  it("refuses an address without a contract, and a contract without an address", () => {
    // @ts-expect-error: the contract of things.list is missing
    expect(() => joinEndpoints(table, { things: {} })).toThrow("things.list");
    // @ts-expect-error: things.get has no address
    expect(() => joinEndpoints(table, { things: { list: contract, get: contract } })).toThrow("things.get");
  });

  it("refuses a contract that says an address again (it would drift from the address table)", () => {
    expect(() => joinEndpoints(table, { things: { list: { ...contract, path: "/other" } } })).toThrow("things.list");
  });

  it("is how the server's table is made: the same addresses, each with its schemas", () => {
    expect(api.locations.list.path).toBe(addresses.locations.list.path);
    expect(api.locations.list.response).toBeInstanceOf(z.ZodType);
  });
});
