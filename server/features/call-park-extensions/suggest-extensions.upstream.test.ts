import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { type GatewayPair, startGatewayPair } from "@server/test/gateway-pair";
import { locationIdOf } from "@server/test/test-server";
import { findNumberOwners } from "./call-park-extensions.repository";

// Webex mode: the suggestions are Webex's validateExtensions' VALID answers (the path the
// gateway's validateExtensions takes), so a number Webex holds and the mirror does not know
// is never offered.

const open: GatewayPair[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

async function pair() {
  const p = await startGatewayPair();
  open.push(p);
  return p;
}

const suggest = (p: GatewayPair, locationId: string, payload: object) =>
  p.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.suggestExtensions, { locationId }), payload });

const validateCalls = (p: GatewayPair, since: number) =>
  p.calls.slice(since).filter((c) => c.path === api.callParkExtensions.validateExtensions.path);

describe("Webex mode: suggestExtensions", () => {
  it("asks Webex, in batches, and skips a number only Webex knows of", async () => {
    const p = await pair();
    const sanJose = await locationIdOf(p.db, "San Jose HQ");
    // Made in Webex behind the gateway's back: the mirror has not synchronised it.
    const outside = await p.standin.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId: sanJose }),
      payload: { name: "Outside", extension: "1037" },
    });
    expect(outside.statusCode, outside.body).toBe(201);
    expect((await findNumberOwners(p.db, sanJose, ["1037"])).size).toBe(0);

    let since = p.calls.length;
    const res = await suggest(p, sanJose, { near: "1002" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ extensions: ["1000", "1038", "1039"] });
    expect(validateCalls(p, since)).toHaveLength(1);
    expect(p.calls.slice(since).every((c) => c.path === api.callParkExtensions.validateExtensions.path)).toBe(true);

    // 600 numbers held around 50000 in Webex: a second batch, a second call.
    await p.standin.db
      .insertInto("location_numbers")
      .values(
        Array.from({ length: 601 }, (_, i) => String(49700 + i))
          .filter((e) => e !== "50000")
          .map((extension) => ({ location_id: sanJose, extension, owner_type: "HUNT_GROUP" as const, owner_id: `held-${extension}` })),
      )
      .execute();
    since = p.calls.length;
    const far = await suggest(p, sanJose, { near: "50000", count: 2 });
    expect(far.json()).toEqual({ extensions: ["49699", "50301"] });
    expect(validateCalls(p, since)).toHaveLength(2);
  });

  it("answers 404 for a location the mirror does not know, without asking Webex", async () => {
    const p = await pair();
    const since = p.calls.length;
    expectApiError(await suggest(p, "bm93aGVyZQ", { near: "1002" }), "locationNotFound");
    expect(p.calls.length).toBe(since);
  });
});
