import fs from "node:fs";
import path from "node:path";
import { constants as zlib } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { API_BASE } from "@domain/api/endpoint";
import { pageFileOf, SIGNED_IN_PAGES } from "./built-pages";

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * gzip or brotli, as the client's Accept-Encoding prefers (brotli when both), for every
 * route registered after this: the API's JSON and the SPA's files. Only compressible types
 * (text, JSON, JavaScript, CSS, SVG) are touched; fonts and images are compressed already.
 * Request bodies are read as they come: no client of this API sends them compressed.
 */
export async function installCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    encodings: ["br", "gzip"],
    threshold: COMPRESSION_THRESHOLD,
    // Quality 5, not the plugin's 4: on this SPA's scripts 4 comes out larger than gzip,
    // 5 about 6% smaller for under twice its (small) cost; 11 would take seconds a script, per request.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    globalDecompression: false,
  });
}

export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Kept, but asked about again on every use (ETag / Last-Modified), so a new release shows at once. */
export const REVALIDATE = "no-cache";

// Vite writes only content-hashed names into assets/ (name-<hash>.ext); a new build gives a
// changed file a new name, so the old one can be kept forever.
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8,}\.\w+$/;

/** The cache policy of a file of the built SPA, by its path inside dist/. */
export function cacheControlOf(relativePath: string): string {
  return HASHED_ASSET.test(relativePath.split(path.sep).join("/")) ? IMMUTABLE : REVALIDATE;
}

// Paths that name files: one missing is a 404 (an old chunk after a release), not the SPA's HTML.
const FILE_PREFIXES = ["/assets/", "/locales/", `${API_BASE}/`];

/** Every .html file under `dir` but index.html, by its path inside it ("/"-separated). */
function pagesIn(dir: string): Set<string> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => file.split(path.sep).join("/"));
  return new Set(files.filter((file) => file.endsWith(".html") && file !== "index.html"));
}

/**
 * The built SPA from `root`: its files with their cache policy and validators (ETag,
 * Last-Modified; a conditional request gets 304), and index.html for every other path
 * (client-side routes), or the page the build wrote for that address (sign-in.html for
 * /sign-in; signed-in/….html, which draws the shell, for a request `signedIn` says carries a
 * session). Nothing is served when `root` holds no index.html (not built).
 */
export async function serveBuiltSpa(app: FastifyInstance, root: string, { signedIn }: { signedIn: (request: FastifyRequest) => boolean }) {
  if (!fs.existsSync(path.join(root, "index.html"))) return;
  // Encapsulated: reply.sendFile and the 304 hook stay with the SPA's routes.
  await app.register(async (spa) => {
    const setCacheControl = (reply: FastifyReply, filePath: string) => {
      reply.header("cache-control", cacheControlOf(path.relative(root, filePath)));
    };
    await spa.register(fastifyStatic, {
      root,
      // One route per file present at start: no file-system lookups for unknown paths.
      wildcard: false,
      index: false,
      cacheControl: false,
      etag: true,
      lastModified: true,
      setHeaders: setCacheControl,
    });
    // A 304 carries no body: without this the compressor would label the empty answer br/gzip.
    spa.addHook("onSend", async (_request, reply, payload) => (reply.statusCode === 304 ? null : payload));

    // A page the build wrote its own HTML for (server/http/built-pages.ts: a screen that paints
    // before its code loads) gets that file; every other client route gets index.html. Which
    // one depends on the session cookie: caches must keep them apart.
    const pages = pagesIn(root);
    const sendIndex = (reply: FastifyReply) => reply.sendFile("index.html");
    spa.get("/", (_request, reply) => sendIndex(reply));
    spa.get("/*", (request, reply) => {
      if (FILE_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return reply.callNotFound();
      const pathname = request.url.split("?")[0];
      const open = pageFileOf(pathname, false);
      // A signed-in page only as such: /signed-in/x is no address of x's page.
      const candidates = [signedIn(request) && pageFileOf(pathname, true), !open.startsWith(`${SIGNED_IN_PAGES}/`) && open];
      const page = candidates.find((file): file is string => !!file && pages.has(file));
      reply.header("vary", "Cookie");
      return page ? reply.sendFile(page) : sendIndex(reply);
    });
  });
}
