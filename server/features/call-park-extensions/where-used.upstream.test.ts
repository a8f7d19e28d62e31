import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type GatewayPair, startGatewayPair } from "@server/test/gateway-pair";
import { locationIdOf } from "@server/test/test-server";
import { extensionIds } from "@server/features/call-parks/test-helpers";

// Webex mode: where-used reads the mirror, as every read of groups does; Webex has no such
// operation, so nothing is asked of it.

const open: GatewayPair[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

describe("Webex mode: whereUsed", () => {
  it("answers from the mirror a group made through the gateway, without calling Webex", async () => {
    const p = await startGatewayPair();
    open.push(p);
    const locationId = await locationIdOf(p.db, "San Jose HQ");
    const [e5001, e5002] = await extensionIds(p.db, locationId, ["5001", "5002"]);
    const created = await p.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId }),
      payload: { name: "Front desk", recall: { option: "ALERT_PARKING_USER_ONLY" }, callParkExtensions: [e5002, e5001] },
    });
    expect(created.statusCode, created.body).toBe(201);

    const since = p.calls.length;
    const res = await p.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.whereUsed, { locationId }), payload: { ids: [e5001, e5002] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { id: e5001, callParks: [{ id: created.json().id, name: "Front desk", position: 2, of: 2 }] },
        { id: e5002, callParks: [{ id: created.json().id, name: "Front desk", position: 1, of: 2 }] },
      ],
    });
    expect(p.calls.slice(since)).toEqual([]);
  });
});
