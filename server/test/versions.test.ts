import type { LightMyRequestResponse } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS } from "@server/db/seed";
import { extensionIds, fixture } from "@server/features/call-parks/test-helpers";
import { etagOf, matchesStrongly, matchesWeakly, parseEntityTags } from "@server/http/versions";
import { expectApiError } from "./api-error";
import { racingApp } from "./racing-app";
import { type SignedIn, signIn } from "./sessions";
import { useTestServer } from "./test-server";

// Two administrators, one object: admin A reads it, admin B changes it, A saves what A
// read. With If-Match (the SPA sends it on every save) A's save is refused with 412,
// naming B and when, and B's change stays; without it (a Webex client) A's save goes
// through as before.

const server = useTestServer("each");

describe("entity tags", () => {
  it("are the same for the same object whatever the order of its keys, and differ for another", () => {
    expect(etagOf({ a: 1, b: [1, 2] })).toBe(etagOf({ b: [1, 2], a: 1 }));
    expect(etagOf({ a: 1, b: [1, 2] })).not.toBe(etagOf({ a: 1, b: [2, 1] }));
    expect(etagOf({ a: "x" })).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it("are read from If-Match and If-None-Match as RFC 9110 writes them", () => {
    expect(parseEntityTags(undefined)).toBeUndefined();
    expect(parseEntityTags("  ")).toBeUndefined();
    expect(parseEntityTags("*")).toBe("*");
    expect(parseEntityTags('"a", W/"b" ,"c"')).toEqual(['"a"', 'W/"b"', '"c"']);
    expect(parseEntityTags("garbage")).toEqual([]);
    expect(matchesStrongly('"b"', ['W/"b"'])).toBe(false);
    expect(matchesStrongly('"b"', ['"a"', '"b"'])).toBe(true);
    expect(matchesWeakly('"b"', ['W/"b"'])).toBe(true);
    expect(matchesWeakly('"b"', [])).toBe(false);
  });
});

interface Case {
  name: string;
  /** The location (São Paulo, where the location administrator B works) and the object's URLs. */
  setUp(): Promise<{ getUrl: string; putUrl: string }>;
  /** B's change, and A's edit of another field made on the copy A read before it. */
  theirs: Record<string, unknown>;
  mine: Record<string, unknown>;
  /** B's change is there. */
  kept(body: Record<string, unknown>): void;
}

let locationId = "";
let b: SignedIn;

beforeEach(async () => {
  locationId = (await fixture(server.db, "São Paulo")).locationId;
  b = await signIn(server, "location");
});

const cases = (): Case[] => {
  const f = () => fixture(server.db, "São Paulo");
  return [
    {
      name: "a call park extension",
      async setUp() {
        const [id] = await extensionIds(server.db, locationId, ["5001"]);
        const url = urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: id });
        return { getUrl: url, putUrl: url };
      },
      theirs: { extension: "5901" },
      mine: { name: "Renamed by A" },
      kept: (body) => expect(body.extension).toBe("5901"),
    },
    {
      name: "a call park group",
      async setUp() {
        const { people } = await f();
        const res = await server.app.inject({
          method: "POST",
          url: urlOf(api.callParks.create, { locationId }),
          payload: { name: "Front desk", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [people[0]] },
        });
        const url = urlOf(api.callParks.get, { locationId, callParkId: res.json().id });
        return { getUrl: url, putUrl: url };
      },
      theirs: { agents: [] },
      mine: { parkOnAgentsEnabled: true },
      kept: (body) => expect(body.agents).toEqual([]),
    },
    {
      name: "a location's Call Park Settings",
      async setUp() {
        const url = urlOf(api.callParkSettings.get, { locationId });
        return { getUrl: url, putUrl: url };
      },
      theirs: { callParkSettings: { recallTime: 150 } },
      mine: { callParkSettings: { ringPattern: "LONG_LONG" } },
      kept: (body) => expect((body.callParkSettings as { recallTime: number }).recallTime).toBe(150),
    },
  ];
};

function get(url: string, headers: Record<string, string> = {}) {
  return server.app.inject({ method: "GET", url, headers });
}

function put(url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return server.app.inject({ method: "PUT", url, payload, headers });
}

const auditCount = async () => (await server.db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

function expectSaved(res: LightMyRequestResponse) {
  expect([200, 204], res.body).toContain(res.statusCode);
}

describe.each(cases().map((c) => [c.name, c] as const))("%s", (_, c) => {
  it("answers an ETag that changes only when the object does, and 304 to a client that has it", async () => {
    const { getUrl, putUrl } = await c.setUp();
    const first = await get(getUrl);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    expect((await get(getUrl)).headers.etag).toBe(etag);

    const unchanged = await get(getUrl, { "if-none-match": etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");
    expect(unchanged.headers.etag).toBe(etag);
    expect((await get(getUrl, { "if-none-match": `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get(getUrl, { "if-none-match": '"other"' })).statusCode).toBe(200);

    expectSaved(await put(putUrl, c.mine, b.write));
    const after = await get(getUrl, { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it("refuses with 412 a save on a copy someone else has changed since, naming them and when; nothing is written", async () => {
    const { getUrl, putUrl } = await c.setUp();
    const read = (await get(getUrl)).headers.etag as string;
    expectSaved(await put(putUrl, c.theirs, { ...b.write, "if-match": read }));
    const theirs = (await get(getUrl)).json();
    const entries = await auditCount();
    const changedAt = (await server.db.selectFrom("audit_events").select("occurred_at").orderBy("seq", "desc").executeTakeFirstOrThrow())
      .occurred_at;

    const refused = await put(putUrl, c.mine, { "if-match": read });
    const body = expectApiError(refused, "changedMeanwhile");
    expect(body.params).toEqual({ context: "known", name: DEMO_ADMINS.location.displayName, at: changedAt });
    expect(body.message).toContain(DEMO_ADMINS.location.displayName);
    expect(body.message).toMatch(/ UTC, after you opened it/);
    expect((await get(getUrl)).json()).toEqual(theirs);
    c.kept((await get(getUrl)).json());
    expect(await auditCount()).toBe(entries);

    const inPortuguese = await put(putUrl, c.mine, { "if-match": read, "accept-language": "pt-BR" });
    expect(expectApiError(inPortuguese, "changedMeanwhile").message).toMatch(/^Beatriz Souza alterou isto em .+ UTC, depois que você abriu/);
  });

  it("saves on the version it was read at, and then only that save", async () => {
    const { getUrl, putUrl } = await c.setUp();
    const read = (await get(getUrl)).headers.etag as string;
    expectSaved(await put(putUrl, c.mine, { "if-match": `"stale", ${read}` }));
    expectApiError(await put(putUrl, c.theirs, { "if-match": read }), "changedMeanwhile");
  });

  it("compares strongly: a weak tag of the current version does not match, and * matches any", async () => {
    const { getUrl, putUrl } = await c.setUp();
    const read = (await get(getUrl)).headers.etag as string;
    expectApiError(await put(putUrl, c.mine, { "if-match": `W/${read}` }), "changedMeanwhile");
    expectApiError(await put(putUrl, c.mine, { "if-match": "not-a-tag" }), "changedMeanwhile");
    expectSaved(await put(putUrl, c.mine, { "if-match": "*" }));
  });

  it("without If-Match (a Webex client) saves over whatever is there, as Webex does", async () => {
    const { putUrl } = await c.setUp();
    expectSaved(await put(putUrl, c.theirs, b.write));
    expectSaved(await put(putUrl, c.mine));
  });
});

describe("the lost update of the issue", () => {
  it("keeps the member B added when A saves the side panel's stale member list", async () => {
    const { people } = await fixture(server.db, "São Paulo");
    const created = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId }),
      payload: { name: "Reception", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [people[0]] },
    });
    const url = urlOf(api.callParks.get, { locationId, callParkId: created.json().id });
    const seenByA = await get(url);
    expectSaved(await put(url, { agents: [people[0], people[1]] }, b.write));
    const stale = seenByA.json() as { name: string; agents: { id: string }[] };
    const refused = await put(url, { name: stale.name, agents: stale.agents.map((a) => a.id) }, { "if-match": seenByA.headers.etag as string });
    expectApiError(refused, "changedMeanwhile");
    expect((await get(url)).json().agents.map((a: { id: string }) => a.id)).toEqual([people[0], people[1]]);
  });

  it("lets exactly one of 10 concurrent saves on the same version through; the others hear 412", async () => {
    const app = await racingApp(server.db);
    try {
      const [id] = await extensionIds(server.db, locationId, ["5002"]);
      const url = urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: id });
      const etag = (await get(url)).headers.etag as string;
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => app.inject({ method: "PUT", url, payload: { name: `Racer ${i}` }, headers: { "if-match": etag } })),
      );
      expect(responses.filter((r) => r.statusCode === 204)).toHaveLength(1);
      for (const r of responses.filter((r) => r.statusCode !== 204)) expectApiError(r, "changedMeanwhile");
      const winner = responses.findIndex((r) => r.statusCode === 204);
      expect((await get(url)).json().name).toBe(`Racer ${winner}`);
    } finally {
      await app.close();
    }
  });
});
