import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { DEMO_ADMINS } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { locationIdOf, startTestServer, useTestServer } from "@server/test/test-server";
import { PARKING_USER_ONLY } from "@server/features/call-parks/test-helpers";
import { csvOf } from "@server/features/import-jobs/test-helpers";

describe("the audit log", () => {
  const server = useTestServer();

  async function events(query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<AuditEvent[]> {
    const res = await server.app.inject({ method: "GET", url: urlOf(api.auditEvents.list, {}, query), headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: AuditEvent[] }).items;
  }

  it("records who changed a call park extension, when, from where, and the values before and after", async () => {
    const session = await signIn(server, "full");
    const locationId = await locationIdOf(server.db, "London");
    const headers = { ...session.write, "user-agent": "AuditTest/1.0" };
    const created = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      headers,
      remoteAddress: "203.0.113.7",
      payload: { name: "Lobby", extension: "7100" },
    });
    const { id } = created.json() as { id: string };
    await server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: id }), headers, payload: { name: "Front desk" } });
    await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }), headers });

    const [deleted, updated, added] = await events();
    expect(added).toMatchObject({
      action: "CREATE",
      objectType: "callParkExtension",
      objectId: id,
      objectName: "Lobby",
      locationId,
      locationName: "London",
      actorName: DEMO_ADMINS.full.displayName,
      actorEmail: DEMO_ADMINS.full.email,
      sourceIp: "203.0.113.7",
      userAgent: "AuditTest/1.0",
      after: { name: "Lobby", extension: "7100" },
    });
    expect(added.before).toBeUndefined();
    expect(added.trackingId).toBe(created.headers.trackingid);
    expect(updated).toMatchObject({ action: "UPDATE", before: { name: "Lobby", extension: "7100" }, after: { name: "Front desk", extension: "7100" } });
    expect(deleted).toMatchObject({ action: "DELETE", objectName: "Front desk", before: { name: "Front desk", extension: "7100" } });
    expect(deleted.after).toBeUndefined();
    expect(Date.parse(added.time)).toBeLessThanOrEqual(Date.parse(deleted.time));
  });

  it("records call park groups and settings with their values, and nothing for a refused change", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const res = await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId }), payload: { name: "Sales", recall: PARKING_USER_ONLY } });
    expect(res.statusCode).toBe(201);
    const refused = await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId }), payload: { name: "Sales", recall: PARKING_USER_ONLY } });
    expect(refused.statusCode).toBe(409);
    const settings = urlOf(api.callParkSettings.update, { locationId });
    expect((await server.app.inject({ method: "PUT", url: settings, payload: { callParkSettings: { recallTime: 90 } } })).statusCode).toBe(204);
    const invalid = await server.app.inject({ method: "PUT", url: settings, payload: { callParkSettings: { recallTime: 1 } } });
    expect(invalid.statusCode).toBe(400);

    const [settingsEvent, groupEvent, ...rest] = await events();
    expect(rest).toHaveLength(0);
    expect(groupEvent).toMatchObject({
      action: "CREATE",
      objectType: "callPark",
      objectName: "Sales",
      after: { name: "Sales", recallOption: "ALERT_PARKING_USER_ONLY", parkOnAgentsEnabled: false, agents: [], callParkExtensions: [] },
    });
    expect(settingsEvent).toMatchObject({ action: "UPDATE", objectType: "callParkSettings", objectName: "New York Office" });
    expect(settingsEvent.before?.recallTime).not.toBe(90);
    expect(settingsEvent.after?.recallTime).toBe(90);
  });

  it("shows a bulk import as one entry pointing at its task, however many rows it has", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ location: "Florianópolis", name: `Bulk ${i}`, extension: String(8100 + i) }));
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "bulk.csv" }),
      headers: { "content-type": "text/csv" },
      payload: csvOf(rows),
    });
    expect(res.statusCode).toBe(201);
    const job = res.json() as { id: string };
    await server.app.importJobs.idle();
    const all = await events();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ action: "IMPORT", objectType: "importJob", objectName: "bulk.csv", taskId: job.id, after: { rows: 20, mode: "partial" } });
  });

  it("filters by object, person and date, and keeps a location administrator to their locations and own changes", async () => {
    const local = await signIn(server, "location");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const london = await locationIdOf(server.db, "London");
    const inSaoPaulo = urlOf(api.callParkExtensions.create, { locationId: saoPaulo });
    await server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: london }), payload: { name: "London one", extension: "7200" } });
    await server.app.inject({ method: "POST", url: inSaoPaulo, payload: { name: "SP by admin", extension: "7201" } });
    const mine = await server.app.inject({ method: "POST", url: inSaoPaulo, headers: local.write, payload: { name: "SP by Beatriz", extension: "7202" } });
    expect(mine.statusCode).toBe(201);
    await server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), headers: local.write, payload: { name: "Beatriz's script" } });

    expect((await events()).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz", "SP by admin", "London one"]);
    expect((await events({ objectType: "accessToken" })).map((e) => e.objectName)).toEqual(["Beatriz's script"]);
    const beatriz = (await events()).find((e) => e.objectName === "SP by Beatriz")!.actorId;
    expect((await events({ actorId: beatriz })).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await events({ from: today, to: today })).toHaveLength(4);
    expect(await events({ to: "2000-01-01" })).toHaveLength(0);
    expect(await events({ from: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(0);

    // Beatriz reads São Paulo's entries and her own, never London's.
    expect((await events({}, local.read)).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz", "SP by admin"]);
    const actors = await server.app.inject({ method: "GET", url: urlOf(api.auditEvents.actors), headers: local.read });
    expect((actors.json() as { items: { displayName: string }[] }).items.map((a) => a.displayName).sort()).toEqual(
      [DEMO_ADMINS.location.displayName, DEMO_ADMINS.full.displayName].sort(),
    );

    // One object's history.
    const spId = (mine.json() as { id: string }).id;
    await server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId: saoPaulo, callParkExtensionId: spId }), payload: { name: "SP renamed" } });
    expect((await events({ objectId: spId })).map((e) => `${e.action} ${e.objectName}`)).toEqual([
      "UPDATE SP renamed",
      "CREATE SP by Beatriz",
    ]);
  });

  it("refuses bad filters with 400 and the field named", async () => {
    const filters = [{ from: "yesterday" }, { objectType: "people" }, { from: "2026-02-01", to: "2026-01-01" }, { max: "0" }, { actorId: "x".repeat(600) }];
    for (const query of filters) {
      const res = await server.app.inject({ method: "GET", url: urlOf(api.auditEvents.list, {}, query) });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().issues.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
  });
});

describe("behind a reverse proxy (TRUST_PROXY)", () => {
  const server = useTestServer();

  it("records the client's own address from X-Forwarded-For, and only when told to", async () => {
    const proxied = await startTestServer({ trustProxy: true });
    try {
      for (const [s, expected] of [
        [proxied, "198.51.100.4"],
        [server, "127.0.0.1"],
      ] as const) {
        const london = await locationIdOf(s.db, "London");
        await s.app.inject({
          method: "POST",
          url: urlOf(api.callParkExtensions.create, { locationId: london }),
          headers: { "x-forwarded-for": "198.51.100.4" },
          payload: { name: "Proxied", extension: "7500" },
        });
        const res = await s.app.inject({ method: "GET", url: urlOf(api.auditEvents.list) });
        expect(res.json().items[0].sourceIp).toBe(expected);
      }
    } finally {
      await proxied.close();
    }
  });
});
