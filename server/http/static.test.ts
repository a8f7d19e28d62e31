import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { signIn } from "@server/test/sessions";
import { startTestServer, type TestServer } from "@server/test/test-server";
import { SESSION_COOKIE } from "@server/features/auth/access";
import { pageFileOf, SIGNED_IN_PAGES } from "./built-pages";
import { COMPRESSION_THRESHOLD, IMMUTABLE, REVALIDATE } from "./static";

// A small tree shaped like Vite's dist/: hashed assets, index.html, the locale files.
const INDEX_HTML = `<!doctype html><html><head><script type="module" src="/assets/index-Ab3_x-9Z.js"></script></head><body><div id="root"></div></body></html>`;
/** Pages the build writes their own HTML for (scripts/vite-first-paint.ts: sign-in, and Features for a visitor with a session). */
const SIGN_IN_HTML = `<!doctype html><html data-frame><head><template data-app-files></template></head><body><div id="root">Sign in</div></body></html>`;
/** A signed-in screen's address (the SPA's Features in the build). */
const FEATURES_PATH = "/services/calling/features";
const FEATURES_HTML = `<!doctype html><html data-frame><head><template data-app-files></template></head><body><div id="root">Features</div></body></html>`;
const SCRIPT = `export const screens = [${Array.from({ length: 200 }, (_, i) => `"screen ${i}"`).join(", ")}];\n`;
const FONT = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
const LOCALE = JSON.stringify({ title: "Call park", description: "Park a call and pick it up from another phone" });

let spaDir: string;
let server: TestServer;

beforeAll(async () => {
  spaDir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-spa-"));
  const files: Record<string, string | Buffer> = {
    "index.html": INDEX_HTML,
    "sign-in.html": SIGN_IN_HTML,
    [pageFileOf(FEATURES_PATH, true)]: FEATURES_HTML,
    "assets/index-Ab3_x-9Z.js": SCRIPT,
    "assets/Inter.var-CTiC9fjq.woff2": FONT,
    "locales/en/common.json": LOCALE,
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(spaDir, name)), { recursive: true });
    fs.writeFileSync(path.join(spaDir, name), content);
  }
  server = await startTestServer({ serveSpa: true, spaDir });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(spaDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: "GET", url, headers });
const decoders = { br: brotliDecompressSync, gzip: gunzipSync };

describe("compression", () => {
  it.each(["br", "gzip"] as const)("sends a JSON list %s-compressed to a client that accepts it", async (encoding) => {
    const url = urlOf(api.callParkExtensions.list);
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);

    const res = await get(url, { "accept-encoding": `${encoding}, identity` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe(encoding);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(decoders[encoding](res.rawPayload).toString())).toEqual(plain.json());
  });

  it("prefers brotli when the client takes both, as browsers do", async () => {
    const res = await get(urlOf(api.callParkExtensions.list), { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.headers["content-encoding"]).toBe("br");
  });

  it.each(["br", "gzip"] as const)("sends a script asset %s-compressed", async (encoding) => {
    const res = await get("/assets/index-Ab3_x-9Z.js", { "accept-encoding": encoding });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["content-encoding"]).toBe(encoding);
    expect(decoders[encoding](res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("leaves a font as it is: woff2 is compressed already", async () => {
    const res = await get("/assets/Inter.var-CTiC9fjq.woff2", { "accept-encoding": "br, gzip" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.rawPayload.equals(FONT)).toBe(true);
  });

  it("leaves an answer below the threshold as it is", async () => {
    const res = await get(`${urlOf(api.callParkExtensions.list)}?max=1`, { "accept-encoding": "br" });
    expect(res.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("keeps the session's no-store", async () => {
    const session = await signIn(server, "full");
    const res = await server.app.inject({ method: "GET", url: urlOf(api.session.get), headers: { ...session.read, "accept-encoding": "br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});

describe("caching", () => {
  it("keeps a hashed asset for a year, unchanged", async () => {
    for (const url of ["/assets/index-Ab3_x-9Z.js", "/assets/Inter.var-CTiC9fjq.woff2"]) {
      expect((await get(url)).headers["cache-control"]).toBe(IMMUTABLE);
    }
  });

  it.each([
    ["index.html", "/"],
    ["index.html for a client route", "/tasks"],
    ["a locale file", "/locales/en/common.json"],
  ])("asks again for %s, answering 304 while it has not changed", async (_name, url) => {
    const first = await get(url, { "accept-encoding": "br" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe(REVALIDATE);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers["last-modified"]);
    expect(etag).toMatch(/^(W\/)?"/);

    const conditions: Record<string, string>[] = [{ "if-none-match": etag }, { "if-modified-since": lastModified }];
    for (const condition of conditions) {
      const again = await get(url, { ...condition, "accept-encoding": "br" });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers["content-encoding"]).toBeUndefined();
      expect(again.headers["cache-control"]).toBe(REVALIDATE);
      expect(again.headers.etag).toBe(etag);
    }
    expect((await get(url, { "if-none-match": '"an-older-release"' })).statusCode).toBe(200);
  });
});

describe("the SPA beside the API", () => {
  it("answers index.html for a client-side route", async () => {
    const res = await get("/tasks");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toBe(INDEX_HTML);
  });

  it("answers a page's own HTML at its address, with or without a query, revalidated like index.html", async () => {
    for (const url of ["/sign-in", "/sign-in?next=%2Ftasks"]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.headers["cache-control"]).toBe(REVALIDATE);
      expect(res.body).toBe(SIGN_IN_HTML);
    }
    // Only the address itself: below it, or elsewhere, the SPA's routes get index.html.
    for (const url of ["/sign-in/more", "/sign-in.html/x", "/profile"]) expect((await get(url)).body).toBe(INDEX_HTML);
  });

  it("answers a signed-in screen's own HTML only to a request with a session cookie, and says the answer depends on it", async () => {
    const withSession = { cookie: `${SESSION_COOKIE}=anything` };
    const framed = await get(FEATURES_PATH, withSession);
    expect(framed.statusCode).toBe(200);
    expect(framed.headers["content-type"]).toMatch(/text\/html/);
    expect(framed.headers["cache-control"]).toBe(REVALIDATE);
    expect(framed.headers.vary).toMatch(/cookie/i);
    expect(framed.body).toBe(FEATURES_HTML);
    expect((await get(`${FEATURES_PATH}?x=1`, withSession)).body).toBe(FEATURES_HTML);
    // Without one (or with another cookie), the SPA's index.html: its sign-in would follow a frame of the shell.
    for (const headers of [{}, { cookie: "other=1" }] as Record<string, string>[]) {
      const res = await get(FEATURES_PATH, headers);
      expect(res.body).toBe(INDEX_HTML);
      expect(res.headers.vary).toMatch(/cookie/i);
    }
    // Sign-in's page goes to everyone; the folder is no address of its own.
    expect((await get("/sign-in", withSession)).body).toBe(SIGN_IN_HTML);
    expect((await get(`/${SIGNED_IN_PAGES}${FEATURES_PATH}`, withSession)).body).toBe(INDEX_HTML);
  });

  it.each([`${API_BASE}/no-such-thing`, "/assets/index-OldBuild.js", "/locales/en/missing.json"])(
    "keeps %s a JSON 404, not the SPA's HTML",
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toMatch(/application\/json/);
      expect(res.json()).toMatchObject({ code: "routeNotFound" });
    },
  );
});
