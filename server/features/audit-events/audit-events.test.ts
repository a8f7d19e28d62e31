import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { DEMO_ADMINS } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { callParkExtensionsUrl, locationIdOf, startTestServer, useTestServer } from "@server/test/test-server";
import { callParksUrl, PARKING_USER_ONLY } from "@server/features/call-parks/test-helpers";
import { csvOf, JOBS_URL } from "@server/features/import-jobs/test-helpers";

const AUDIT = "/v1/auditEvents";

describe("the audit log", () => {
  const server = useTestServer();

  async function events(query = "", headers: Record<string, string> = {}): Promise<AuditEvent[]> {
    const res = await server.app.inject({ method: "GET", url: `${AUDIT}${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: AuditEvent[] }).items;
  }

  it("records who changed a call park extension, when, from where, and the values before and after", async () => {
    const session = await signIn(server, "full");
    const locationId = await locationIdOf(server.db, "London");
    const headers = { ...session.write, "user-agent": "AuditTest/1.0" };
    const created = await server.app.inject({
      method: "POST",
      url: callParkExtensionsUrl(locationId),
      headers,
      remoteAddress: "203.0.113.7",
      payload: { name: "Lobby", extension: "7100" },
    });
    const { id } = created.json() as { id: string };
    await server.app.inject({ method: "PUT", url: callParkExtensionsUrl(locationId, id), headers, payload: { name: "Front desk" } });
    await server.app.inject({ method: "DELETE", url: callParkExtensionsUrl(locationId, id), headers });

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
    const res = await server.app.inject({ method: "POST", url: callParksUrl(locationId), payload: { name: "Sales", recall: PARKING_USER_ONLY } });
    expect(res.statusCode).toBe(201);
    const refused = await server.app.inject({ method: "POST", url: callParksUrl(locationId), payload: { name: "Sales", recall: PARKING_USER_ONLY } });
    expect(refused.statusCode).toBe(409);
    const settings = `/v1/telephony/config/locations/${locationId}/callParks/settings`;
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
      url: `${JOBS_URL}?mode=partial&fileName=bulk.csv`,
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
    await server.app.inject({ method: "POST", url: callParkExtensionsUrl(london), payload: { name: "London one", extension: "7200" } });
    await server.app.inject({ method: "POST", url: callParkExtensionsUrl(saoPaulo), payload: { name: "SP by admin", extension: "7201" } });
    const mine = await server.app.inject({ method: "POST", url: callParkExtensionsUrl(saoPaulo), headers: local.write, payload: { name: "SP by Beatriz", extension: "7202" } });
    expect(mine.statusCode).toBe(201);
    await server.app.inject({ method: "POST", url: "/v1/people/me/accessTokens", headers: local.write, payload: { name: "Beatriz's script" } });

    expect((await events()).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz", "SP by admin", "London one"]);
    expect((await events("?objectType=accessToken")).map((e) => e.objectName)).toEqual(["Beatriz's script"]);
    const beatriz = (await events()).find((e) => e.objectName === "SP by Beatriz")!.actorId;
    expect((await events(`?actorId=${encodeURIComponent(beatriz)}`)).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await events(`?from=${today}&to=${today}`)).toHaveLength(4);
    expect(await events("?to=2000-01-01")).toHaveLength(0);
    expect(await events(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toHaveLength(0);

    // Beatriz reads São Paulo's entries and her own, never London's.
    expect((await events("", local.read)).map((e) => e.objectName)).toEqual(["Beatriz's script", "SP by Beatriz", "SP by admin"]);
    const actors = await server.app.inject({ method: "GET", url: `${AUDIT}/actors`, headers: local.read });
    expect((actors.json() as { items: { displayName: string }[] }).items.map((a) => a.displayName).sort()).toEqual(
      [DEMO_ADMINS.location.displayName, DEMO_ADMINS.full.displayName].sort(),
    );

    // One object's history.
    const spId = (mine.json() as { id: string }).id;
    await server.app.inject({ method: "PUT", url: callParkExtensionsUrl(saoPaulo, spId), payload: { name: "SP renamed" } });
    expect((await events(`?objectId=${encodeURIComponent(spId)}`)).map((e) => `${e.action} ${e.objectName}`)).toEqual([
      "UPDATE SP renamed",
      "CREATE SP by Beatriz",
    ]);
  });

  it("refuses bad filters with 400 and the field named", async () => {
    for (const query of ["?from=yesterday", "?objectType=people", "?from=2026-02-01&to=2026-01-01", "?max=0", "?actorId=" + "x".repeat(600)]) {
      const res = await server.app.inject({ method: "GET", url: `${AUDIT}${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().issues.length, query).toBeGreaterThan(0);
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
          url: callParkExtensionsUrl(london),
          headers: { "x-forwarded-for": "198.51.100.4" },
          payload: { name: "Proxied", extension: "7500" },
        });
        const res = await s.app.inject({ method: "GET", url: AUDIT });
        expect(res.json().items[0].sourceIp).toBe(expected);
      }
    } finally {
      await proxied.close();
    }
  });
});
