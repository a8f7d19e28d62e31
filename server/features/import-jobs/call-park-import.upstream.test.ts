import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkCsv } from "@domain/csv/call-park-csv";
import { callParkImportJobSchema, callParkImportPreviewSchema } from "@domain/schemas/call-park-import";
import { expectApiError } from "@server/test/api-error";
import { type GatewayPair, startGatewayPair } from "@server/test/gateway-pair";
import { locationIdOf } from "@server/test/test-server";

// Webex mode: the group import's rows are decided against the mirror by the same rules, then
// each goes to Webex (the stand-in, this project's own server) through the call park group
// service, and the mirror follows.

const open: GatewayPair[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

const csvUpload = (p: GatewayPair, create: boolean, csv: string, mode = "partial") =>
  p.app.inject({
    method: "POST",
    url: urlOf(create ? api.callParkImportJobs.create : api.callParkImportJobs.preview, {}, { mode }),
    payload: csv,
    headers: { "content-type": "text/csv" },
  });

async function groupsOn(inject: GatewayPair["app"]["inject"], locationId: string) {
  const res = await inject({ url: urlOf(api.callParks.list, { locationId }) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().callParks as { id: string; name: string }[]).map((g) => g.name).sort();
}

describe("call park groups by CSV, in Webex mode", () => {
  it("creates and deletes the groups on Webex, the mirror in step, and refuses all-or-nothing", async () => {
    const p = await startGatewayPair({
      // A group Webex has before the mirror's first synchronisation.
      prepare: async (standin) => {
        const locationId = await locationIdOf(standin.db, "London");
        const res = await standin.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId }), payload: { name: "Old dock", recall: { option: "ALERT_PARKING_USER_ONLY" } } });
        expect(res.statusCode, res.body).toBe(201);
      },
    });
    open.push(p);
    const london = await locationIdOf(p.db, "London");
    const [person] = await p.db.selectFrom("members").select(["email"]).where("location_id", "=", london).where("type", "=", "PEOPLE").orderBy("extension").execute();

    const csv = toCallParkCsv([
      { name: "Front desk", location: "London", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroup: "Support", members: [person.email!, "Lobby"], parkOnAgentsEnabled: false, extensions: ["5002", "5001"] },
      { name: "Old dock", location: "London", recallOption: "ALERT_PARKING_USER_ONLY", members: [], parkOnAgentsEnabled: false, extensions: [], action: "DELETE" },
      { name: "Ghost", location: "London", recallOption: "ALERT_PARKING_USER_ONLY", members: ["Nobody"], parkOnAgentsEnabled: false, extensions: [] },
    ]);
    const preview = await csvUpload(p, false, csv);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(callParkImportPreviewSchema.parse(preview.json()).rows.map((r) => r.outcome)).toEqual(["CREATE", "DELETE", "ERROR"]);
    expectApiError(await csvUpload(p, true, csv, "atomic"), "atomicImportUnavailable");

    const created = await csvUpload(p, true, csv);
    expect(created.statusCode, created.body).toBe(201);
    await p.app.importJobs.idle();
    const job = await p.app.inject({ url: urlOf(api.callParkImportJobs.get, { jobId: created.json().id }) });
    expect(callParkImportJobSchema.parse(job.json())).toMatchObject({ latestExecutionExitCode: "COMPLETED_WITH_ERRORS", counts: { created: 1, deleted: 1, failed: 1 } });

    expect(await groupsOn(p.standin.app.inject, london)).toEqual(["Front desk"]);
    expect(await groupsOn(p.app.inject, london)).toEqual(["Front desk"]);
    const [upstream] = (await p.standin.app.inject({ url: urlOf(api.callParks.list, { locationId: london }) })).json().callParks;
    const detail = (await p.standin.app.inject({ url: urlOf(api.callParks.get, { locationId: london, callParkId: upstream.id }) })).json();
    expect(detail.recall).toMatchObject({ option: "ALERT_HUNT_GROUP_ONLY", huntGroupName: "Support" });
    expect(detail.agents.map((a: { email: string; displayName: string }) => a.email || a.displayName)).toEqual([person.email, "Lobby"]);
    expect(detail.callParkExtensions.map((c: { extension: string }) => c.extension)).toEqual(["5002", "5001"]);
  });
});
