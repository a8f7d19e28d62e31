import { describe, expect, it } from "vitest";
import type { HttpError } from "../../http/errors";
import { expectApiError } from "../../test/api-error";
import { callParkExtensionsUrl, fillLocation, locationIdOf, snapshot, useTestServer } from "../../test/test-server";
import * as service from "./call-park-extensions.service";

// Requests fired together interleave their checks before any transaction runs, so
// these outcomes hold only if the database's constraints decide the losers.
const server = useTestServer("each");

function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
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
      Array.from({ length: 40 }, (_, i) =>
        server.app.inject({
          method: "POST",
          url: callParkExtensionsUrl(locationId),
          payload: { name: `Racer ${i}`, extension: String(7000 + i) },
        }),
      ),
    );
    expect(statuses(responses)).toEqual({ 201: 6, 409: 34 });
    for (const res of responses.filter((r) => r.statusCode === 409)) expectApiError(res, "callParkExtensionLimit");
    await expectConsistent(locationId, 100);
  });

  it("lets exactly one of 10 claim the same extension", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.app.inject({
          method: "POST",
          url: callParkExtensionsUrl(locationId),
          payload: { name: `Same ${i}`, extension: "7777" },
        }),
      ),
    );
    expect(statuses(responses)).toEqual({ 201: 1, 409: 9 });
    const winner = responses.find((r) => r.statusCode === 201)!.json().id;
    const { extensions } = await snapshot(server.db, locationId);
    const holder = extensions.find((e) => e.extension === "7777");
    expect(holder?.id).toBe(winner);
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      expect(expectApiError(res, "extensionTaken").params).toEqual({
        extension: "7777",
        ownerName: holder?.name,
        context: "CALL_PARK_EXTENSION",
      });
    }
    await expectConsistent(locationId, 7);
  });
});

describe("concurrent edits and deletes", () => {
  it("lets one of two PUTs take the same new extension", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const [a, b] = (await snapshot(server.db, locationId)).extensions;
    const responses = await Promise.all(
      [a, b].map((e) =>
        server.app.inject({ method: "PUT", url: callParkExtensionsUrl(locationId, e.id), payload: { extension: "7500" } }),
      ),
    );
    expect(statuses(responses)).toEqual({ 204: 1, 409: 1 });
    await expectConsistent(locationId, 6);
  });

  it("deletes once when the same DELETE is sent 10 times, keeping the count right", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const [victim] = (await snapshot(server.db, locationId)).extensions;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        server.app.inject({ method: "DELETE", url: callParkExtensionsUrl(locationId, victim.id) }),
      ),
    );
    expect(statuses(responses)).toEqual({ 204: 1, 404: 9 });
    for (const res of responses.filter((r) => r.statusCode === 404)) expectApiError(res, "callParkExtensionNotFound");
    await expectConsistent(locationId, 5);
  });

  it("leaves no orphan number when an edit races the delete of the same call park extension", async () => {
    const locationId = await locationIdOf(server.db, "Florianópolis");
    const [first, second] = (await snapshot(server.db, locationId)).extensions;
    // Called below HTTP: a PUT's body parsing delays it enough that the DELETE always
    // finishes first through app.inject, and the interleaving never happens.
    const outcome = (work: Promise<void>) => work.then(() => "done", (error: HttpError) => error.key);
    const editThenDelete = await Promise.all([
      outcome(service.updateCallParkExtension(server.db, locationId, first.id, { extension: "7600" })),
      outcome(service.deleteCallParkExtension(server.db, locationId, first.id)),
    ]);
    const deleteThenEdit = await Promise.all([
      outcome(service.deleteCallParkExtension(server.db, locationId, second.id)),
      outcome(service.updateCallParkExtension(server.db, locationId, second.id, { extension: "7601" })),
    ]);
    expect([...editThenDelete, ...deleteThenEdit].sort()).toEqual([
      "callParkExtensionNotFound",
      "callParkExtensionNotFound",
      "done",
      "done",
    ]);
    await expectConsistent(locationId, 4);
    const { numbers } = await snapshot(server.db, locationId);
    expect(numbers.filter((n) => n.owner_id === first.id || n.owner_id === second.id)).toEqual([]);
    expect((await server.app.inject({
      method: "POST",
      url: callParkExtensionsUrl(locationId),
      payload: { name: "Reuse", extension: "7600" },
    })).statusCode).toBe(201);
  });

  it("never answers 5xx while creates, edits and deletes interleave", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const { extensions } = await snapshot(server.db, locationId);
    const requests = extensions.flatMap((e, i) => [
      server.app.inject({ method: "DELETE", url: callParkExtensionsUrl(locationId, e.id) }),
      server.app.inject({ method: "PUT", url: callParkExtensionsUrl(locationId, e.id), payload: { extension: String(7300 + i) } }),
      server.app.inject({ method: "POST", url: callParkExtensionsUrl(locationId), payload: { name: `New ${i}`, extension: e.extension } }),
    ]);
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.statusCode >= 500)).toEqual([]);
    const { count } = await snapshot(server.db, locationId);
    await expectConsistent(locationId, count);
  });
});
