import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { HttpError } from "@server/http/errors";
import { expectApiError } from "@server/test/api-error";
import { racingApp, racingDb } from "@server/test/racing-app";
import { fillLocation, locationIdOf, snapshot, useTestServer, TEST_ACTOR } from "@server/test/test-server";
import * as service from "./call-park-extensions.service";
import { TEST_DIALECT } from "@server/test/test-database";

// Requests fired together all pass the service's checks before any transaction runs
// (racingApp makes their queries interleave), so these outcomes hold only if the
// database decides the losers (the cap's CHECK, the numbering plan's unique key, the
// rows a write finds) and the losers then hear the same clear answer as a request
// that came second. Through the plain app each request would finish before the next
// started, and the service's checks alone would decide.
const server = useTestServer("each");
let app: Awaited<ReturnType<typeof racingApp>>;

beforeEach(async () => {
  app = await racingApp(server.db);
});
afterEach(() => app.close());

function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

function create(locationId: string, payload: { name: string; extension: string }) {
  return app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload });
}

/** The count column, the rows and the claimed numbers all agree. */
async function expectConsistent(locationId: string, expected: number) {
  const { count, extensions, numbers } = await snapshot(server.db, locationId);
  expect(count).toBe(expected);
  expect(extensions).toHaveLength(expected);
  const claimed = numbers.filter((n) => n.owner_type === "CALL_PARK_EXTENSION");
  expect(claimed.map((n) => n.owner_id).sort()).toEqual(extensions.map((e) => e.id).sort());
  for (const e of extensions) expect(claimed).toContainEqual(expect.objectContaining({ owner_id: e.id, extension: e.extension }));
}

describe("concurrent creates", () => {
  it("lets exactly 6 of 40 in when a location holds 94, and ends at exactly 100", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    await fillLocation(server, locationId, 94);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => create(locationId, { name: `Racer ${i}`, extension: String(7000 + i) })),
    );
    expect(statuses(responses)).toEqual({ 201: 6, 409: 34 });
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      expect(expectApiError(res, "callParkExtensionLimit").params).toEqual({ max: 100 });
    }
    await expectConsistent(locationId, 100);
    // Every winner is stored under the extension it asked for; no loser left a trace.
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const winners = responses.flatMap((r, i) => (r.statusCode === 201 ? [{ id: r.json().id, extension: String(7000 + i) }] : []));
    const racers = (await snapshot(server.db, locationId)).extensions.filter((e) => e.name.startsWith("Racer "));
    expect(racers.map(({ id, extension }) => ({ id, extension })).sort(byId)).toEqual(winners.sort(byId));
  });

  it("lets exactly one of 10 claim the same extension; the others hear who has it", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(locationId, { name: `Same ${i}`, extension: "7777" })),
    );
    expect(statuses(responses)).toEqual({ 201: 1, 409: 9 });
    const winner = responses.findIndex((r) => r.statusCode === 201);
    const { extensions } = await snapshot(server.db, locationId);
    const holder = extensions.find((e) => e.extension === "7777");
    expect(holder).toMatchObject({ id: responses[winner].json().id, name: `Same ${winner}` });
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      expect(expectApiError(res, "extensionTaken").params).toEqual({
        extension: "7777",
        ownerName: `Same ${winner}`,
        context: "CALL_PARK_EXTENSION",
      });
    }
    await expectConsistent(locationId, 7);
  });
});

describe("concurrent edits and deletes", () => {
  it("lets one of two PUTs take the same new extension; the other hears who has it", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const [a, b] = (await snapshot(server.db, locationId)).extensions;
    const responses = await Promise.all(
      [a, b].map((e) => app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: e.id }), payload: { extension: "7500" } })),
    );
    expect(statuses(responses)).toEqual({ 204: 1, 409: 1 });
    const [winner, loser] = responses[0].statusCode === 204 ? [a, b] : [b, a];
    expect(expectApiError(responses.find((r) => r.statusCode === 409)!, "extensionTaken").params).toEqual({
      extension: "7500",
      ownerName: winner.name,
      context: "CALL_PARK_EXTENSION",
    });
    const { extensions } = await snapshot(server.db, locationId);
    expect(extensions.find((e) => e.id === winner.id)?.extension).toBe("7500");
    expect(extensions.find((e) => e.id === loser.id)?.extension).toBe(loser.extension);
    await expectConsistent(locationId, 6);
  });

  it("deletes once when the same DELETE is sent 10 times, keeping the count right", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const [victim] = (await snapshot(server.db, locationId)).extensions;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: victim.id }) })),
    );
    expect(statuses(responses)).toEqual({ 204: 1, 404: 9 });
    for (const res of responses.filter((r) => r.statusCode === 404)) expectApiError(res, "callParkExtensionNotFound");
    await expectConsistent(locationId, 5);
  });

  it("leaves no orphan number when an edit races the delete of the same call park extension", async () => {
    const locationId = await locationIdOf(server.db, "Florianópolis");
    const [first, second] = (await snapshot(server.db, locationId)).extensions;
    // Called below HTTP: a PUT's body parsing delays it enough that the DELETE always
    // finishes before the PUT's checks even through racingApp. Here the edit's checks
    // pass, the delete commits, and only the edit's own write can see the row is gone.
    const db = racingDb(server.db);
    const outcome = (work: Promise<void>) => work.then(() => "done", (error: HttpError) => error.key);
    const editThenDelete = await Promise.all([
      outcome(service.updateCallParkExtension(db, locationId, first.id, { extension: "7600" }, TEST_ACTOR)),
      outcome(service.deleteCallParkExtension(db, locationId, first.id, TEST_ACTOR)),
    ]);
    const deleteThenEdit = await Promise.all([
      outcome(service.deleteCallParkExtension(db, locationId, second.id, TEST_ACTOR)),
      outcome(service.updateCallParkExtension(db, locationId, second.id, { extension: "7601" }, TEST_ACTOR)),
    ]);
    if (TEST_DIALECT === "sqlite") {
      expect([...editThenDelete, ...deleteThenEdit].sort()).toEqual([
        "callParkExtensionNotFound",
        "callParkExtensionNotFound",
        "done",
        "done",
      ]);
    } else {
      // PostgreSQL runs the two side by side: either may commit first. The delete always
      // happens; the edit happened before it, or finds the extension gone.
      for (const [edit, remove] of [editThenDelete, deleteThenEdit.toReversed()]) {
        expect(remove).toBe("done");
        expect(["done", "callParkExtensionNotFound"]).toContain(edit);
      }
    }
    await expectConsistent(locationId, 4);
    const { numbers } = await snapshot(server.db, locationId);
    expect(numbers.filter((n) => n.owner_id === first.id || n.owner_id === second.id)).toEqual([]);
    for (const extension of ["7600", "7601"]) {
      expect((await create(locationId, { name: `Reuse ${extension}`, extension })).statusCode).toBe(201);
    }
  });

  it("never answers 5xx while creates, edits and deletes interleave", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const { extensions } = await snapshot(server.db, locationId);
    const requests = extensions.flatMap((e, i) => [
      app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: e.id }) }),
      app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: e.id }), payload: { extension: String(7300 + i) } }),
      app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: e.id }), payload: { extension: "7399" } }),
      create(locationId, { name: `New ${i}`, extension: e.extension }),
      create(locationId, { name: `Shared ${i}`, extension: "7398" }),
    ]);
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    const { count } = await snapshot(server.db, locationId);
    await expectConsistent(locationId, count);
  });
});
