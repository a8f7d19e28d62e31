import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { locationIdOf, TEST_ADMIN_TOKEN, useTestServer } from "@server/test/test-server";
import { PARKING_USER_ONLY } from "@server/features/call-parks/test-helpers";
import { csvOf } from "@server/features/import-jobs/test-helpers";

describe("a location administrator", () => {
  const server = useTestServer();

  it("sees only their locations in every list and count", async () => {
    const local = await signIn(server, "location");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const london = await locationIdOf(server.db, "London");
    await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: london }), payload: { name: "UK", recall: PARKING_USER_ONLY } });
    await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: saoPaulo }), payload: { name: "SP", recall: PARKING_USER_ONLY } });

    const get = (url: string) => server.app.inject({ method: "GET", url, headers: local.read });
    const locations = await get(urlOf(api.locations.list, {}, { include: "callParkCounts" }));
    expect(locations.json().items.map((l: { name: string }) => l.name)).toEqual(["São Paulo"]);
    expect(locations.headers["x-total-count"]).toBe("1");
    expect(locations.json().items[0].callParkCounts).toMatchObject({ callParkExtensions: 6, callParks: 1 });

    const extensions = await get(urlOf(api.callParkExtensions.list, {}, { max: 1000 }));
    expect(extensions.headers["x-total-count"]).toBe("6");
    expect(new Set(extensions.json().callParkExtensions.map((c: { locationName: string }) => c.locationName))).toEqual(new Set(["São Paulo"]));
    // Asking for another location by filter finds nothing rather than leaking it.
    expect((await get(urlOf(api.callParkExtensions.list, {}, { locationId: london }))).json().callParkExtensions).toEqual([]);
    expect((await get(urlOf(api.callParks.orgList))).json().callParks.map((p: { name: string }) => p.name)).toEqual(["SP"]);
    // The full administrator, for comparison, sees all five.
    expect((await server.app.inject({ method: "GET", url: urlOf(api.locations.list) })).headers["x-total-count"]).toBe("5");
  });

  it("imports only into their locations: rows for another location are refused as unknown, row by row", async () => {
    const local = await signIn(server, "location");
    const headers = { ...local.write, "content-type": "text/csv" };
    const payload = csvOf([
      { location: "São Paulo", name: "Recepção", extension: "8390" },
      { location: "London", name: "Sneaky", extension: "8391" },
    ]);
    const preview = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.preview, {}, { mode: "partial" }), headers, payload });
    expect(preview.json().rows.map((r: { outcome: string }) => r.outcome)).toEqual(["CREATE", "ERROR"]);
    expect(preview.json().rows[1].issues[0]).toMatchObject({ code: "locationNotFound" });

    const res = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "sp.csv" }), headers, payload });
    expect(res.statusCode).toBe(201);
    await server.app.importJobs.idle();
    const job = await server.app.inject({ method: "GET", url: urlOf(api.importJobs.get, { jobId: res.json().id }), headers: local.read });
    expect(job.json()).toMatchObject({ createdBy: DEMO_ADMINS.location.displayName, counts: { created: 1, failed: 1 } });
    const sneaky = await server.db.selectFrom("call_park_extensions").select("id").where("name", "=", "Sneaky").execute();
    expect(sneaky).toHaveLength(0);

    // Her tasks list holds her job only; the full administrator's jobs stay out of sight.
    await server.app.inject({
      method: "POST",
      url: urlOf(api.importJobs.create, {}, { fileName: "admin.csv" }),
      headers: { "content-type": "text/csv" },
      payload: csvOf([{ location: "London", name: "A", extension: "8392" }]),
    });
    const mine = await server.app.inject({ method: "GET", url: urlOf(api.importJobs.list), headers: local.read });
    expect(mine.json().items.map((j: { fileName: string }) => j.fileName)).toEqual(["sp.csv"]);
    const all = await server.app.inject({ method: "GET", url: urlOf(api.importJobs.list) });
    expect(all.json().items.map((j: { fileName: string }) => j.fileName)).toEqual(["admin.csv", "sp.csv"]);
  });
});

describe("a location administrator naming another location's objects in a request", () => {
  const server = useTestServer();

  it("is told they do not exist, never their names", async () => {
    const local = await signIn(server, "location");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const london = await locationIdOf(server.db, "London");
    const londonMember = await server.db.selectFrom("members").select("id").where("location_id", "=", london).executeTakeFirstOrThrow();
    const londonExtension = await server.db.selectFrom("call_park_extensions").select("id").where("location_id", "=", london).executeTakeFirstOrThrow();
    const londonHuntGroup = await server.db.selectFrom("hunt_groups").select("id").where("location_id", "=", london).executeTakeFirstOrThrow();
    const body = {
      name: "Probe",
      recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: londonHuntGroup.id },
      agents: [londonMember.id],
      callParkExtensions: [londonExtension.id],
    };
    const asLocal = await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: saoPaulo }), headers: local.write, payload: body });
    expect(asLocal.statusCode).toBe(400);
    expect(asLocal.json().issues.map((i: { code: string }) => i.code).sort()).toEqual(["destinationNotFound", "huntGroupNotFound", "memberNotFound"]);
    expect(asLocal.json().issues.every((i: { params?: unknown }) => i.params === undefined)).toBe(true);

    // The full administrator is told where they are instead.
    const asFull = await server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: saoPaulo }), payload: body });
    expect(asFull.json().issues.map((i: { code: string }) => i.code).sort()).toEqual([
      "destinationOtherLocation",
      "huntGroupOtherLocation",
      "memberOtherLocation",
    ]);

    const settings = urlOf(api.callParkSettings.update, { locationId: saoPaulo });
    const recall = { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: londonHuntGroup.id } };
    const put = await server.app.inject({ method: "PUT", url: settings, headers: local.write, payload: recall });
    expect(put.statusCode).toBe(400);
    expect(put.json().issues).toEqual([{ path: ["callParkRecall", "huntGroupId"], code: "huntGroupNotFound" }]);
  });
});

describe("personal access tokens", () => {
  const server = useTestServer();

  it("are shown once, act as their owner with the owner's role, and stop working when revoked", async () => {
    const readOnly = await signIn(server, "readOnly");
    const created = await server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), headers: readOnly.write, payload: { name: "  Reporting script " } });
    expect(created.statusCode).toBe(201);
    const token = created.json() as { id: string; token: string; name: string; hint: string };
    expect(token.name).toBe("Reporting script");
    expect(token.token).toMatch(/^cpa_[\w-]{40,}$/);
    expect(token.hint).toBe(token.token.slice(-4));

    const list = await server.app.inject({ method: "GET", url: urlOf(api.people.listAccessTokens), headers: readOnly.read });
    expect(list.body).not.toContain(token.token);
    expect(list.json().items).toEqual([{ id: token.id, name: "Reporting script", hint: token.hint, created: expect.any(String) }]);
    const stored = await server.db.selectFrom("access_tokens").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token.token);

    const bearer = { authorization: `Bearer ${token.token}` };
    const me = await server.app.inject({ method: "GET", url: urlOf(api.people.me), headers: bearer });
    expect(me.json()).toMatchObject({ displayName: DEMO_ADMINS.readOnly.displayName, role: "READ_ONLY_ADMIN" });
    const london = await locationIdOf(server.db, "London");
    const create = urlOf(api.callParkExtensions.create, { locationId: london });
    const write = await server.app.inject({ method: "POST", url: create, headers: bearer, payload: { name: "X", extension: "7300" } });
    expect(write.statusCode).toBe(403);
    expect((await server.app.inject({ method: "GET", url: urlOf(api.people.listAccessTokens), headers: readOnly.read })).json().items[0].lastUsed).toEqual(expect.any(String));

    // Nobody else can revoke it: another administrator's token is not found.
    const other = await server.app.inject({ method: "DELETE", url: urlOf(api.people.revokeAccessToken, { tokenId: token.id }) });
    expect(other.statusCode).toBe(404);
    const revoked = await server.app.inject({ method: "DELETE", url: urlOf(api.people.revokeAccessToken, { tokenId: token.id }), headers: readOnly.write });
    expect(revoked.statusCode).toBe(204);
    const after = await server.app.inject({ method: "GET", url: urlOf(api.people.me), headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("invalidToken");
    expect((await server.app.inject({ method: "DELETE", url: urlOf(api.people.revokeAccessToken, { tokenId: token.id }), headers: readOnly.write })).statusCode).toBe(404);
  });

  it("refuses bad names and malformed Authorization headers with 4xx", async () => {
    for (const payload of [{}, { name: "" }, { name: "x".repeat(81) }, { name: "a\u202eb" }, { name: 5 }]) {
      const res = await server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const authorization of ["Bearer", "Basic abc", `Bearer ${"x".repeat(600)}`, "Bearer cpa_nope", `Bearer ${TEST_ADMIN_TOKEN}x`]) {
      const res = await server.app.anonymous({ method: "GET", url: urlOf(api.locations.list), headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().code).toBe("invalidToken");
    }
  });

  it("ADMIN_TOKEN acts as the first full administrator", async () => {
    const me = await server.app.inject({ method: "GET", url: urlOf(api.people.me) });
    expect(me.json()).toMatchObject({ displayName: DEMO_ADMINS.full.displayName, role: "FULL_ADMIN" });
  });
});

describe("names with markup", () => {
  const server = useTestServer();

  it("are stored and returned as the exact text, in JSON, never as HTML", async () => {
    const name = `<img src=x onerror=alert(1)>`;
    const london = await locationIdOf(server.db, "London");
    const created = await server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: london }), payload: { name, extension: "7400" } });
    expect(created.statusCode).toBe(201);
    const res = await server.app.inject({ method: "GET", url: urlOf(api.callParkExtensions.get, { locationId: london, callParkExtensionId: created.json().id }) });
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json().name).toBe(name);
    const audit = await server.app.inject({ method: "GET", url: urlOf(api.auditEvents.list) });
    expect(audit.json().items[0].objectName).toBe(name);
  });
});
