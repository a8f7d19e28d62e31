import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkHealthSchema } from "@domain/schemas/call-park-health";
import { type GatewayPair, startGatewayPair } from "@server/test/gateway-pair";
import type { StandIn } from "@server/test/standin";
import { locationIdOf, memberWithExtension } from "@server/test/test-server";
import { huntGroupId } from "@server/features/call-parks/test-helpers";

// Webex mode: the health check reads the mirror, as every read does, and asks Webex nothing.
// Webex's call park API names the hunt group a recall goes to but not its agents, so the
// mirror does not know them and never reports a hunt group as having none.

const open: GatewayPair[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

/** In Webex (the stand-in): a group with nowhere to park, a wait time nothing uses, a recall to a hunt group without agents. */
async function prepare(standin: StandIn) {
  const sanJose = await locationIdOf(standin.db, "San Jose HQ");
  const member = await memberWithExtension(standin.db, sanJose, "1001");
  const created = await standin.app.inject({
    method: "POST",
    url: urlOf(api.callParks.create, { locationId: sanJose }),
    payload: { name: "Nowhere", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [member.id] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const saoPaulo = await locationIdOf(standin.db, "São Paulo");
  const wait = await standin.app.inject({ method: "PUT", url: urlOf(api.callParkSettings.update, { locationId: saoPaulo }), payload: { callParkSettings: { huntWaitTime: 90 } } });
  expect(wait.statusCode, wait.body).toBe(204);
  const london = await locationIdOf(standin.db, "London");
  const sales = await huntGroupId(standin.db, london, "4002");
  const recall = await standin.app.inject({
    method: "PUT",
    url: urlOf(api.callParkSettings.update, { locationId: london }),
    payload: { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: sales } },
  });
  expect(recall.statusCode, recall.body).toBe(204);
}

describe("Webex mode: the health check", () => {
  it("finds what Webex holds, from the mirror, without calling Webex", async () => {
    const p = await startGatewayPair({ prepare });
    open.push(p);
    const since = p.calls.length;
    const res = await p.app.inject({ url: urlOf(api.callParkHealth.get) });
    expect(res.statusCode, res.body).toBe(200);
    const { findings } = callParkHealthSchema.parse(res.json());
    expect(findings.filter((f) => f.severity !== "INFO").map((f) => `${f.kind} ${f.locationName} ${f.objectName}`)).toEqual([
      "GROUP_CANNOT_PARK San Jose HQ Nowhere",
      "HUNT_WAIT_UNUSED São Paulo São Paulo",
    ]);
    // One per location, each counting the location's six call park extensions (the group parks on none).
    const inNoGroup = findings.flatMap((f) => (f.kind === "EXTENSION_IN_NO_GROUP" ? [[f.locationName, f.count, f.extensions.length]] : []));
    expect(inNoGroup).toEqual(["Florianópolis", "London", "New York Office", "San Jose HQ", "São Paulo"].map((name) => [name, 6, 5]));
    expect(p.calls.length).toBe(since);
    // The stand-in, which knows London's Sales has no agents, does report it.
    const upstream = callParkHealthSchema.parse((await p.standin.app.inject({ url: urlOf(api.callParkHealth.get, {}, { kind: "HUNT_GROUP_WITHOUT_AGENTS" }) })).json());
    expect(upstream.findings.map((f) => f.objectName)).toEqual(["London"]);
  });
});
