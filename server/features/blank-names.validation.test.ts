import type { LightMyRequestResponse } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { useTestServer } from "@server/test/test-server";
import { createGroup, fixture, groupTables, PARKING_USER_ONLY } from "./call-parks/test-helpers";
import { csvOf, preview } from "./import-jobs/test-helpers";

// A name of invisible characters only shows nothing: every place a name is taken
// refuses it as it refuses an empty one (required), and keeps nothing.
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;

beforeEach(async () => {
  f = await fixture(server.db);
});

const INVISIBLE = "\u200b\u2060\u00a0\u3164";
const required = [{ path: ["name"], code: "required" }];

async function tables() {
  return {
    groups: await groupTables(server.db),
    extensions: await server.db.selectFrom("call_park_extensions").selectAll().orderBy("id").execute(),
    tokens: await server.db.selectFrom("access_tokens").selectAll().orderBy("id").execute(),
  };
}

async function refusedAsBlank(request: () => Promise<LightMyRequestResponse>) {
  const before = await tables();
  const res = await request();
  expect(expectApiError(res, "validation").issues).toEqual(required);
  expect(await tables()).toEqual(before);
  return res;
}

describe("a name of invisible characters only", () => {
  it("is refused for a call park extension, created or renamed", async () => {
    await refusedAsBlank(() =>
      server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: f.locationId }), payload: { name: INVISIBLE, extension: "7001" } }),
    );
    await refusedAsBlank(() =>
      server.app.inject({
        method: "PUT",
        url: urlOf(api.callParkExtensions.update, { locationId: f.locationId, callParkExtensionId: f.extensions[0] }),
        payload: { name: "\ufeff\u00ad\u034f" },
      }),
    );
  });

  it("is refused for a call park group, created or renamed", async () => {
    const groupId = await createGroup(server, f.locationId, { name: "Existing" });
    await refusedAsBlank(() =>
      server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: f.locationId }), payload: { name: INVISIBLE, recall: PARKING_USER_ONLY } }),
    );
    await refusedAsBlank(() =>
      server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: groupId }), payload: { name: "\u2800\u2028\u200d" } }),
    );
  });

  it("is refused for an access token, with the blank-name words in the user's language", async () => {
    const session = await signIn(server, "full");
    const create = (headers: Record<string, string>) =>
      server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), headers: { ...session.write, ...headers }, payload: { name: INVISIBLE } });
    const en = await refusedAsBlank(() => create({}));
    const pt = await refusedAsBlank(() => create({ "accept-language": "pt-BR" }));
    const empty = await server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), headers: session.write, payload: { name: "" } });
    expect(en.json()).toEqual({ ...empty.json(), trackingId: en.json().trackingId });
    expect(en.json().message).toContain("This field is required.");
    expect(pt.json().message).toContain("Este campo é obrigatório.");
  });

  it("is refused on a CSV import row like an empty name", async () => {
    const result = await preview(server.app, csvOf([{ location: "San Jose HQ", name: INVISIBLE, extension: "7001" }]));
    expect(result.rows[0]).toMatchObject({ outcome: "ERROR", issues: required });
  });

  it("is as blank as an empty name on a CSV DELETE row, which needs none", async () => {
    const rows = ["", INVISIBLE].map((name, i) => ({ location: "San Jose HQ", name, extension: `500${i + 1}`, action: "DELETE" as const }));
    const result = await preview(server.app, csvOf(rows));
    expect(result.rows.map((r) => [r.outcome, r.issues ?? []])).toEqual([
      ["DELETE", []],
      ["DELETE", []],
    ]);
  });
});
