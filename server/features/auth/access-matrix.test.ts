import { describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { API_BASE, routePattern, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkCsv } from "@domain/csv/call-park-csv";
import { buildApp } from "@server/app";
import { openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";
import { type DemoRole, type SignedIn, signIn } from "@server/test/sessions";
import { locationIdOf, startTestServer, type TestServer } from "@server/test/test-server";
import { createGroup, PARKING_USER_ONLY } from "@server/features/call-parks/test-helpers";
import { csvOf } from "@server/features/import-jobs/test-helpers";
import type { RouteRule } from "./access";

// Every route of the app's own route table × every role × signed out. A route added
// later gets checked here without anyone listing it; one without a rule cannot even
// be registered (last test). The location administrator manages São Paulo.

const OWN = "São Paulo";
const OTHER = "London";
type Who = DemoRole | "signedOut";
const EVERYONE: Who[] = ["signedOut", "full", "readOnly", "location"];

interface Ids {
  locationId: string;
  callParkExtensionId: string;
  callParkId: string;
  jobId: string;
  /** A call park group import job, for the routes under …/jobs/callParks. */
  groupJobId: string;
}

/** Real objects of one location (and a job its viewer may see), to put in a route's path. */
async function idsIn(server: TestServer, locationName: string, jobId: string, groupJobId: string): Promise<Ids> {
  const locationId = await locationIdOf(server.db, locationName);
  const extension = await server.db
    .selectFrom("call_park_extensions")
    .select("id")
    .where("location_id", "=", locationId)
    .orderBy("extension")
    .executeTakeFirstOrThrow();
  const callParkId = await createGroup(server, locationId, { name: `Matrix ${locationName}`, recall: PARKING_USER_ONLY });
  return { locationId, callParkExtensionId: extension.id, callParkId, jobId, groupJobId };
}

function fill(url: string, ids: Ids): string {
  return url
    .replace(":locationId", encodeURIComponent(ids.locationId))
    .replace(":callParkExtensionId", encodeURIComponent(ids.callParkExtensionId))
    .replace(":callParkId", encodeURIComponent(ids.callParkId))
    .replace(":jobId", encodeURIComponent(url.includes("/jobs/callParks/") ? ids.groupJobId : ids.jobId))
    .replace(":tokenId", "no-such-token");
}

/** Writes carry a body that is harmless whatever happens: an empty object (refused as invalid, or no change). */
function payloadOf(rule: RouteRule): string | undefined {
  if (rule.method !== "POST" && rule.method !== "PUT") return undefined;
  return "{}";
}

/** The status and error code; a HEAD answer has no body, so its code is taken as the one expected. */
function verdict(method: string, res: LightMyRequestResponse, wanted: string | undefined) {
  if (method === "HEAD") return { status: res.statusCode, code: res.statusCode >= 400 ? wanted : undefined };
  const body = res.body ? (JSON.parse(res.body) as { code?: string }) : {};
  return { status: res.statusCode, code: body.code };
}

const CODES: Record<string, string | undefined> = { unauthorized: "unauthorized", forbidden: "forbidden", hidden: "locationNotFound" };

/** What the answer must be, from the rule alone. */
function expected(rule: RouteRule, who: Who, foreignLocation: boolean) {
  if (rule.access === "public") return "allowed";
  if (who === "signedOut") return "unauthorized";
  if (rule.access === "account") return "allowed";
  if (rule.access === "write" && who === "readOnly") return "forbidden";
  if (who === "location" && foreignLocation && rule.url.includes(":locationId")) return "hidden";
  return "allowed";
}

async function matrixServer() {
  const server = await startTestServer();
  const sessions = {} as Record<DemoRole, SignedIn>;
  for (const role of ["full", "readOnly", "location"] as DemoRole[]) sessions[role] = await signIn(server, role);
  // Each viewer's job: the location administrator sees only the imports they started.
  const importAs = async (headers: Record<string, string>, groups = false) => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(groups ? api.callParkImportJobs.create : api.importJobs.create, {}, { mode: "partial", fileName: "matrix.csv" }),
      headers: { ...headers, "content-type": "text/csv" },
      payload: groups
        ? toCallParkCsv([{ name: "Matrix group import", location: OWN, recallOption: "ALERT_PARKING_USER_ONLY", members: [], parkOnAgentsEnabled: false, extensions: [] }])
        : csvOf([{ location: OWN, name: "Matrix import", extension: "8391" }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const adminJob = await importAs({});
  const locationJob = await importAs(sessions.location.write);
  const adminGroupJob = await importAs({}, true);
  const locationGroupJob = await importAs(sessions.location.write, true);
  const own = await idsIn(server, OWN, adminJob, adminGroupJob);
  const other = await idsIn(server, OTHER, adminJob, adminGroupJob);
  return { server, sessions, own, other, locationJob, locationGroupJob };
}

describe("the access matrix: every route × every role × signed out", () => {
  it("answers each request as the route's rule says", async () => {
    const { server, sessions, own, other, locationJob, locationGroupJob } = await matrixServer();
    try {
      const rules = server.app.routeRules;
      expect(rules.length).toBeGreaterThan(40);
      const failures: string[] = [];
      let checked = 0;
      for (const rule of rules) {
        for (const who of EVERYONE) {
          for (const foreign of [false, true]) {
            if (foreign && !rule.url.includes(":")) continue;
            const ids = foreign
              ? other
              : { ...own, ...(who === "location" ? { jobId: locationJob, groupJobId: locationGroupJob } : {}) };
            const headers: Record<string, string> =
              who === "signedOut" ? {} : { ...sessions[who].write, ...(payloadOf(rule) ? { "content-type": "application/json" } : {}) };
            const res = await server.app.anonymous({ method: rule.method as "GET", url: fill(rule.url, ids), headers, payload: payloadOf(rule) });
            const want = expected(rule, who, foreign);
            const { status, code } = verdict(rule.method, res, CODES[want]);
            // Signing out ends the session the next requests use: open another.
            if (rule.method === api.session.signOut.method && rule.url === routePattern(api.session.signOut) && who !== "signedOut") {
              sessions[who] = await signIn(server, who);
            }
            const ok =
              want === "unauthorized"
                ? status === 401 && code === "unauthorized"
                : want === "forbidden"
                  ? status === 403 && code === "forbidden"
                  : want === "hidden"
                    ? status === 404 && code === "locationNotFound"
                    : status < 500 && status !== 401 && status !== 403 && code !== "locationNotFound" &&
                      // A read the rule allows, of objects that exist, succeeds.
                      (rule.method !== "GET" || status === 200 || (who === "location" && foreign));
            checked++;
            if (!ok) failures.push(`${rule.method} ${rule.url} as ${who}${foreign ? " (other location)" : ""}: wanted ${want}, got ${status} ${code ?? ""}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(300);
    } finally {
      await server.close();
    }
  });

  it("lets a location administrator see none of another location's objects, even by id", async () => {
    const { server, sessions, other } = await matrixServer();
    try {
      const urls = [
        urlOf(api.locations.get, { locationId: other.locationId }),
        urlOf(api.callParkExtensions.get, { locationId: other.locationId, callParkExtensionId: other.callParkExtensionId }),
        urlOf(api.callParks.get, { locationId: other.locationId, callParkId: other.callParkId }),
        urlOf(api.callParkSettings.get, { locationId: other.locationId }),
      ];
      for (const url of urls) {
        const res = await server.app.inject({ method: "GET", url, headers: sessions.location.read });
        expect(res.statusCode, url).toBe(404);
        // Exactly the answer for a location that does not exist: nothing tells it apart.
        const missing = await server.app.inject({ method: "GET", url: url.replace(other.locationId, "Tm9TdWNoTG9jYXRpb24"), headers: sessions.full.read });
        expect(res.json().message).toBe(missing.json().message.replace("Tm9TdWNoTG9jYXRpb24", other.locationId));
      }
      // Someone else's task is as absent as one that never existed.
      const job = await server.app.inject({ method: "GET", url: urlOf(api.importJobs.get, { jobId: other.jobId }), headers: sessions.location.read });
      expect(job.statusCode).toBe(404);
      expect(job.json().code).toBe("jobNotFound");
    } finally {
      await server.close();
    }
  });

  it("refuses to register an API route that declares no access rule", async () => {
    const db = await openDatabase("sqlite::memory:");
    await seedDemoOrganization(db);
    const app = await buildApp({ db });
    try {
      expect(() => app.get(`${API_BASE}/unguarded`, async () => ({ ok: true }))).toThrow(/declares no access rule/);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
