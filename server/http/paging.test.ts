import http from "node:http";
import type { FastifyRequest, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type Db, openDatabase } from "@server/db/database";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { expectApiError } from "@server/test/api-error";
import { lab, startServer } from "@server/test/server-process";
import { buildTestApp, TEST_ADMIN_TOKEN, type TestApp } from "@server/test/test-server";
import { publicUrlOf } from "./paging";

// More than one page at either limit: 1,010 locations (limit 1000) of 3 call park extensions (limit 2000).
const LOCATIONS = 1010;
const EXTENSIONS = 3 * LOCATIONS;
let db: Db;
let app: TestApp;

beforeAll(async () => {
  db = await openDatabase("sqlite::memory:");
  const locations = Array.from({ length: LOCATIONS }, (_, i) => ({ ...DEMO_LOCATIONS[0], name: `Site ${String(i).padStart(4, "0")}` }));
  await insertOrganization(db, buildOrganization({ locations, peoplePerLocation: 0, callParkExtensionsPerLocation: 3 }));
  await seedDemoAdministrators(db);
  app = await buildTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db.destroy();
});

/** The next page's address from `Link: <…>; rel="next"`, or undefined on the last page. */
function nextOf(res: LightMyRequestResponse) {
  const link = res.headers.link ? /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link)) : null;
  return link ? new URL(link[1]) : undefined;
}

describe("a max above the limit is read as the limit, as Webex does", () => {
  it("the call park extension list: max=5000 answers pages of 2000, linked by max=2000", async () => {
    const first = await app.inject({ url: urlOf(api.callParkExtensions.list, {}, { max: 5000 }) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().callParkExtensions).toHaveLength(2000);
    expect(first.headers["x-total-count"]).toBe(String(EXTENSIONS));
    const next = nextOf(first)!;
    expect(Object.fromEntries(next.searchParams)).toEqual({ start: "2000", max: "2000" });

    const last = await app.inject({ url: `${next.pathname}${next.search}` });
    expect(last.json().callParkExtensions).toHaveLength(EXTENSIONS - 2000);
    expect(nextOf(last)).toBeUndefined();
  });

  it("the call park extension list defaults to pages of 2000, as Webex's", async () => {
    const res = await app.inject({ url: urlOf(api.callParkExtensions.list) });
    expect(res.json().callParkExtensions).toHaveLength(2000);
    expect(nextOf(res)?.searchParams.get("max")).toBe("2000");
  });

  it("the locations list, limited to 1000: max=5000 answers 1000 and links the rest by max=1000", async () => {
    const first = await app.inject({ url: urlOf(api.locations.list, {}, { max: 5000 }) });
    expect(first.json().items).toHaveLength(1000);
    const next = nextOf(first)!;
    expect(Object.fromEntries(next.searchParams)).toEqual({ max: "1000", start: "1000" });
    const last = await app.inject({ url: `${next.pathname}${next.search}` });
    expect(last.json().items).toHaveLength(LOCATIONS - 1000);
    expect(nextOf(last)).toBeUndefined();
  });

  it.each([
    ["text", "ten", "invalidType"],
    ["a fraction", "2.5", "notInteger"],
    ["a fraction above the limit", "5000.5", "notInteger"],
    ["zero", "0", "tooSmall"],
    ["a negative number", "-5000", "tooSmall"],
  ])("still refuses %s with 400", async (_label, max, code) => {
    const res = await app.inject({ url: urlOf(api.callParkExtensions.list, {}, { max }) });
    expect(expectApiError(res, "validation").issues).toEqual([expect.objectContaining({ path: ["max"], code })]);
  });
});

describe("the next page's address", () => {
  const firstPage = urlOf(api.locations.list, {}, { max: 2 });
  const secondPage = urlOf(api.locations.list, {}, { max: 2, start: 2 });
  const pageOn = async (options: Parameters<typeof buildTestApp>[1], headers: Record<string, string>) => {
    const other = await buildTestApp(db, options);
    onTestFinished(() => other.close());
    const res = await other.inject({ url: firstPage, headers });
    expect(res.statusCode, res.body).toBe(200);
    return nextOf(res)!;
  };

  it("starts with PUBLIC_URL when it is set, whatever the Host header says", async () => {
    const next = await pageOn({ publicUrl: "https://admin.example.com" }, { host: "evil.example" });
    expect(next.toString()).toBe(`https://admin.example.com${secondPage}`);
  });

  it("keeps PUBLIC_URL's path, where a reverse proxy serves the app", async () => {
    for (const publicUrl of ["https://admin.example.com/callpark", "https://admin.example.com/callpark/"]) {
      const next = await pageOn({ publicUrl }, { host: "evil.example" });
      expect(next.toString()).toBe(`https://admin.example.com/callpark${secondPage}`);
    }
  });

  it("without PUBLIC_URL, is the server's own address, not the Host header's (nor an untrusted X-Forwarded-Host's)", async () => {
    const other = await buildTestApp(db);
    onTestFinished(() => other.close());
    await other.listen({ port: 0, host: "127.0.0.1" });
    const { port } = other.server.address() as { port: number };
    const link = await new Promise<string | undefined>((resolve, reject) => {
      const request = http.get({
        host: "127.0.0.1",
        port,
        path: firstPage,
        agent: false,
        headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      request.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode === 200 ? (res.headers.link as string | undefined) : `status ${res.statusCode}`));
      });
      request.on("error", reject);
    });
    expect(link).toBe(`<http://127.0.0.1:${port}${secondPage}>; rel="next"`);
  });

  it("starts with the PUBLIC_URL the server is started with", async () => {
    const server = await startServer(lab(), { PUBLIC_URL: "https://admin.example.com/callpark" });
    const res = await fetch(server.base + firstPage, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("link")).toBe(`<https://admin.example.com/callpark${secondPage}>; rel="next"`);
  });

  it("writes an IPv6 listening address in brackets", () => {
    const request = { server: {}, protocol: "http", socket: { localAddress: "::1", localPort: 8080 } } as unknown as FastifyRequest;
    expect(publicUrlOf(request, firstPage).toString()).toBe(`http://[::1]:8080${firstPage}`);
  });

  it("behind a trusted reverse proxy (TRUST_PROXY), is at the host and protocol it forwarded", async () => {
    const next = await pageOn({ trustProxy: true }, { host: "10.0.0.5:8080", "x-forwarded-host": "admin.example.com", "x-forwarded-proto": "https" });
    expect(next.toString()).toBe(`https://admin.example.com${secondPage}`);
  });

  it("keeps a path beginning with // on this server", () => {
    const request = { server: {}, protocol: "http", socket: { localAddress: "127.0.0.1", localPort: 8080 } } as unknown as FastifyRequest;
    expect(publicUrlOf(request, "//evil.example/v1").host).toBe("127.0.0.1:8080");
  });
});
