import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { AliasNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryId, SelectQueryNode, TableNode } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type ImportJob, importJobSchema, importPreviewSchema } from "@domain/schemas/import-job";
import type { Db } from "@server/db/database";
import { DEMO_LOCATIONS } from "@server/db/seed";
import { addRows, callParkState, csvOf, type CsvRow, expectConsistent } from "@server/features/import-jobs/test-helpers";
import { asAdmin, inspect, type Lab, lab, type ServerProcess, sleep, startServer, until } from "@server/test/server-process";
import { openTestDatabase } from "@server/test/test-database";
import { buildTestApp, locationIdOf } from "@server/test/test-server";

// The real server in a real process, stopped with SIGTERM while a request and an import
// are in flight: the request gets its answer, the import's batch in flight commits and
// its job carries on at the next start, the database is closed, the exit code is 0.
// A second signal ends the process at once. Idle keep-alive connections do not hold the
// stop up, and no request the server has received goes unanswered.

/** 500 rows: every location filled to 100 (94 new each) and its 6 seeded ones renamed. */
function bigFile(): CsvRow[] {
  return DEMO_LOCATIONS.flatMap(({ name }) => [
    ...addRows(name, 94, 7000, (i) => `Imported ${i}`),
    ...Array.from({ length: 6 }, (_, i) => ({ location: name, name: `Renamed ${i + 1}`, extension: String(5001 + i) })),
  ]);
}

async function jobOf(server: ServerProcess, id: string): Promise<ImportJob> {
  return importJobSchema.parse(await (await fetch(server.base + urlOf(api.importJobs.get, { jobId: id }), { headers: asAdmin })).json());
}

/**
 * A CSV preview whose body arrives in two parts: the first now, the rest when `finish`
 * is called. Until then the request is in flight on the server.
 */
async function slowPreview(server: ServerProcess, csv: string, agent?: http.Agent) {
  const body = Buffer.from(csv);
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: "127.0.0.1",
    port: server.port,
    method: "POST",
    path: urlOf(api.importJobs.preview, {}, { mode: "partial" }),
    headers: { ...asAdmin, "content-type": "text/csv", "content-length": body.length },
    agent,
  });
  const answer = new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    request.on("error", reject);
  });
  // Headers and half the body out; once the server logs the request, it has it and waits for the rest.
  const logged = () => server.output().split("\n").filter((line) => line.includes("incoming request") && line.includes("/preview/")).length;
  const before = logged();
  request.write(body.subarray(0, half));
  await until("the server to receive the request", async () => (logged() > before ? true : undefined));
  return { answer, finish: () => request.end(body.subarray(half)) };
}

const slow = { IMPORT_BATCH_SIZE: "50", IMPORT_BATCH_DELAY_MS: "200", LOG_LEVEL: "debug" };

/** `processed` of the last batch the server logged as applied. */
function lastLoggedBatch(output: string): number | undefined {
  const batches = output.split("\n").filter((line) => line.includes("import job batch applied"));
  return batches.length ? (JSON.parse(batches[batches.length - 1]) as { processed: number }).processed : undefined;
}

async function restartAndExpectFinished(place: Lab, id: string) {
  const second = await startServer(place);
  const finished = await until("the job to finish", async () => {
    const job = await jobOf(second, id);
    return job.latestExecutionStatus === "STARTED" ? undefined : job;
  }).catch((error: Error) => {
    throw new Error(`${error.message}:\n${second.output()}`);
  });
  expect(finished).toMatchObject({
    latestExecutionStatus: "COMPLETED",
    latestExecutionExitCode: "COMPLETED",
    counts: { total: 500, processed: 500, created: 470, updated: 30, failed: 0 },
  });
  second.child.kill("SIGTERM");
  expect(await second.exited).toEqual({ code: 0, signal: null });
  await inspect(place.file, async (db) => {
    const { rows } = await callParkState(db);
    expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(470);
    await expectConsistent(db);
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A GET through `agent`. `written`: once the whole request is handed to the system (on
 * loopback, in the server's socket buffer), with whether it went on an existing
 * keep-alive connection. `answer`: the full answer, or the error the client saw instead.
 */
function sendGet(agent: http.Agent, port: number, path: string) {
  const request = http.get({ host: "127.0.0.1", port, path, agent, headers: asAdmin });
  const written = new Promise<boolean>((resolve) => request.once("finish", () => resolve(request.reusedSocket)));
  const answer = new Promise<Answer | string>((resolve) => {
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on("aborted", () => resolve("answer cut short"));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  return { written, answer };
}

/** The first whole HTTP answer in the bytes a raw connection received, and the bytes after it. */
function firstAnswerOf(received: Buffer): { answer: Answer; rest: Buffer } | undefined {
  const end = received.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.subarray(0, end).toString("latin1").split("\r\n");
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  const length = Number(headers["content-length"]);
  if (received.length < end + 4 + length) return undefined;
  const body = received.subarray(end + 4, end + 4 + length).toString("utf8");
  return { answer: { status: Number(statusLine.split(" ")[1]), headers, body }, rest: received.subarray(end + 4 + length) };
}

/**
 * A keep-alive connection of its own that has had one answer and has begun its next
 * request: the request line and a header are sent, the end of the headers is not.
 * `finish` sends the rest; `answers` are all it then receives, once the server closes it.
 */
async function halfSentRequest(port: number, path: string) {
  const socket = net.connect(port, "127.0.0.1");
  onTestFinished(() => void socket.destroy());
  let received: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  const ended = new Promise<string | undefined>((resolve) => {
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.once("close", () => resolve(undefined));
  });
  const head = `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n`;
  socket.write(`${head}authorization: ${asAdmin.authorization}\r\n\r\n`);
  const first = await until("the first answer", async () => firstAnswerOf(received));
  expect(first.answer.status).toBe(200);
  expect(first.answer.headers.connection).toBe("keep-alive");
  received = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => socket.write(head, (error) => (error ? reject(error) : resolve())));
  return {
    finish: () => socket.write(`authorization: ${asAdmin.authorization}\r\n\r\n`),
    answers: ended.then((error) => {
      const answers: (Answer | string)[] = [];
      for (let next = firstAnswerOf(received); next; next = firstAnswerOf(next.rest)) {
        answers.push(next.answer);
        received = next.rest;
      }
      if (received.length) answers.push(`${received.length} stray bytes`);
      if (error) answers.push(error);
      return answers;
    }),
  };
}

/** A full answer: 200 with the whole list, or 503 with the Webex body saying the server is stopping, closing the connection. */
function outcomeOf(answer: Answer | string): string {
  if (typeof answer === "string") return answer;
  try {
    return outcomeOfJson(answer);
  } catch {
    return `${answer.status} with a body cut short: ${answer.body}`;
  }
}

function outcomeOfJson(answer: Answer): string {
  if (answer.status === 200) return Array.isArray((JSON.parse(answer.body) as { items?: unknown }).items) ? "200" : `200 ${answer.body}`;
  if (answer.status !== 503) return `${answer.status} ${answer.body}`;
  const body = JSON.parse(answer.body) as { code?: string; errors?: { errorCode: number }[]; trackingId?: string; message?: string };
  const webex = body.code === "shuttingDown" && body.errors?.[0]?.errorCode === 5033 && typeof body.trackingId === "string" && !!body.message;
  return webex && answer.headers.connection === "close" ? "503 shuttingDown" : `503 ${answer.headers.connection ?? ""} ${answer.body}`;
}

describe("a server stopped with SIGTERM", { timeout: 90_000 }, () => {
  it("closes idle keep-alive connections at once, answers every request it has received in full, and exits in seconds", async () => {
    const place = lab();
    const server = await startServer(place);
    const list = urlOf(api.locations.list);
    // Keep-alive connections the clients never close themselves: only the server's stop ends them.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 44 });
    const slowAgent = new http.Agent({ keepAlive: true });
    onTestFinished(() => {
      agent.destroy();
      slowAgent.destroy();
    });
    const freeSockets = () => Object.values(agent.freeSockets).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0);

    // 44 keep-alive connections, opened by a first round of GETs, then idle.
    const opening = Array.from({ length: 44 }, () => sendGet(agent, server.port, list));
    expect((await Promise.all(opening.map((r) => r.answer))).map(outcomeOf)).toEqual(Array(44).fill("200"));
    await until("44 idle keep-alive connections", async () => (freeSockets() === 44 ? true : undefined));

    // 50 requests the server has received when the signal comes:
    // 5 CSV previews in flight, their bodies half sent, each on a keep-alive connection of its own;
    const previews = [];
    for (let i = 0; i < 5; i++) previews.push(await slowPreview(server, csvOf(addRows(DEMO_LOCATIONS[0].name, 20, 8000 + 100 * i)), slowAgent));
    // 1 request begun on an existing keep-alive connection, the rest of its headers to come during the stop;
    const halfSent = await halfSentRequest(server.port, list);
    // 44 GETs on the 44 idle keep-alive connections, each written whole (on loopback: in the server's socket buffer).
    const gets = Array.from({ length: 44 }, () => sendGet(agent, server.port, list));
    expect(await Promise.all(gets.map((r) => r.written)), "on existing keep-alive connections").toEqual(Array(44).fill(true));

    server.child.kill("SIGTERM");
    const deadline = sleep(10_000).then(() => "still running 10 s after SIGTERM");
    await until("the server to start stopping", async () => (server.output().includes("stopping:") ? true : undefined));
    halfSent.finish();
    for (const preview of previews) preview.finish();

    // Every one answered in full: the GETs with their list or, if the stop came first, 503 in Webex's body.
    const getOutcomes = (await Promise.all(gets.map((r) => r.answer))).map(outcomeOf);
    expect(getOutcomes.filter((o) => o !== "200" && o !== "503 shuttingDown")).toEqual([]);
    // The request that arrived during the stop: 503 in Webex's body, and the connection closed.
    expect((await halfSent.answers).map(outcomeOf)).toEqual(["503 shuttingDown"]);
    // The previews in flight: their whole answer, closing their connection.
    for (const preview of previews) {
      const answer = await preview.answer;
      expect(answer.status, answer.body).toBe(200);
      expect(importPreviewSchema.parse(JSON.parse(answer.body)).rows).toHaveLength(20);
      expect(answer.headers.connection).toBe("close");
    }
    // No idle keep-alive connection holds the stop up.
    expect(await Promise.race([server.exited, deadline])).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it("answers the request in flight, commits the import batch in flight, closes the database and exits 0", async () => {
    const place = lab();
    const server = await startServer(place, slow);
    const upload = await fetch(server.base + urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "big.csv" }), {
      method: "POST",
      headers: { ...asAdmin, "content-type": "text/csv" },
      body: csvOf(bigFile()),
    });
    expect(upload.status).toBe(201);
    const { id } = importJobSchema.parse(await upload.json());
    await until("the job under way", async () => ((await jobOf(server, id)).counts.processed > 0 ? true : undefined));

    const inFlight = await slowPreview(server, csvOf(addRows(DEMO_LOCATIONS[0].name, 20, 8000)));
    server.child.kill("SIGTERM");
    await until("the server to start stopping", async () => (server.output().includes("stopping:") ? true : undefined));
    // No new request is served once the server stops (the connection refused, or a 503 if it slipped in)...
    const fresh = await fetch(`${server.base}/healthz`).then((res) => res.status, () => "refused");
    expect(["refused", 503]).toContain(fresh);
    // ...but the request in flight still is answered, in full.
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(importPreviewSchema.parse(JSON.parse(answer.body)).rows).toHaveLength(20);

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
    // SQLite folds its write-ahead log back into the file when the last connection closes.
    expect(fs.existsSync(`${place.file}-wal`), "the database was closed").toBe(false);

    await inspect(place.file, async (db) => {
      const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      // Stopped between batches, before the end: whole batches applied, the last one logged among them.
      expect(job.status).toBe("STARTED");
      expect(job.processed % 50).toBe(0);
      expect(job.processed).toBeGreaterThan(0);
      expect(job.processed).toBeLessThan(500);
      expect(job.processed).toBe(lastLoggedBatch(server.output()));
      const done = await db.selectFrom("import_job_rows").select("item_number").where("state", "=", "done").execute();
      expect(done).toHaveLength(job.processed);
      const { rows } = await callParkState(db);
      expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(job.created);
      await expectConsistent(db);
    });

    await restartAndExpectFinished(place, id);
  });

  it("ends at once on a second signal, without waiting for the request in flight", async () => {
    const place = lab();
    const server = await startServer(place);
    const inFlight = await slowPreview(server, csvOf(addRows(DEMO_LOCATIONS[0].name, 20, 8000)));
    inFlight.answer.catch(() => undefined);
    server.child.kill("SIGTERM");
    await until("the server to start stopping", async () => (server.output().includes("stopping:") ? true : undefined));
    // The first signal waits for the request, which never finishes...
    const early = await Promise.race([server.exited, sleep(1_000).then(() => "still running")]);
    expect(early).toBe("still running");
    // ...the second does not.
    const sent = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(server.output()).toContain("second signal: stopping at once");
  });
});

/** The table a select reads first (aliased or not), for any other query "?". */
function tableOf(node: OperationNode): string {
  let from = SelectQueryNode.is(node) ? node.from?.froms[0] : undefined;
  if (from && AliasNode.is(from)) from = from.node;
  return from && TableNode.is(from) ? from.table.identifier.name : "?";
}

/**
 * The database, with one query to hold: once `hold(table)` is called, the first select from
 * that table runs, and its result waits until `release()`. `reached` settles when it is held;
 * `done` lists the tables of the queries that completed after the release, in order.
 */
function holdingDb(db: Db) {
  let table: string | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const heldIds = new WeakSet<QueryId>();
  const tables = new WeakMap<QueryId, string>();
  let isReleased = false;
  const done: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs) {
      const name = tableOf(node);
      tables.set(queryId, name);
      if (table !== undefined && name === table) {
        table = undefined;
        heldIds.add(queryId);
      }
      return node;
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs) {
      if (heldIds.has(queryId)) {
        reached();
        await released;
      } else if (isReleased) done.push(tables.get(queryId) ?? "?");
      return result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    hold: (name: string) => void (table = name),
    reached: held,
    release: () => {
      isReleased = true;
      release();
    },
    done,
  };
}

interface Logged {
  level: number;
  msg: string;
  req?: { url: string };
}

/**
 * A fresh app on a fresh database (seen through `dbOf`), listening on a port of its own,
 * logging into `logged` from `level` up; stopped when the test ends if it has not been.
 */
async function listeningApp(dbOf: (base: Db) => Db = (base) => base, level = "warn") {
  const base = await openTestDatabase({ seeded: true });
  const locationId = await locationIdOf(base, DEMO_LOCATIONS[0].name);
  const logged: Logged[] = [];
  const stream = { write: (line: string) => void logged.push(JSON.parse(line) as Logged) };
  const app = await buildTestApp(dbOf(base), { logger: { level, stream } });
  let stopped: Promise<void> | undefined;
  /** As server/index.ts stops: the app closes (then `closed` is called), then the database. */
  const stop = (closed?: () => void) =>
    (stopped ??= app.close().then(() => {
      closed?.();
      return base.destroy();
    }));
  onTestFinished(() => stop());
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, base, port: (app.server.address() as AddressInfo).port, locationId, logged, stop };
}

const connectionsEnded = (app: { server: http.Server }) =>
  until("the server to see the connection end", () => new Promise<true | undefined>((resolve) => app.server.getConnections((_error, n) => resolve(n === 0 ? true : undefined))));

/**
 * An app whose request `send` sends is held at its first select from `table`, its client
 * then gone; then the app is stopped (`stopped`). `readWhenClosed`: what the request read
 * after the release, up to the moment app.close() resolved.
 */
async function stoppedWithRequestHeld(table: string, send: (port: number, locationId: string) => http.ClientRequest) {
  let holding!: ReturnType<typeof holdingDb>;
  const { app, port, locationId, logged, stop } = await listeningApp((base) => (holding = holdingDb(base)).db);
  onTestFinished(() => holding.release());
  holding.hold(table);
  const request = send(port, locationId);
  request.on("error", () => undefined);
  await holding.reached;
  request.destroy();
  await connectionsEnded(app);

  let readWhenClosed: string[] | undefined;
  const stopped = stop(() => (readWhenClosed = [...holding.done]));
  const early = await Promise.race([stopped.then(() => "closed"), sleep(300).then(() => "still closing")]);
  expect(early, "app.close() waits for the request held").toBe("still closing");
  return { holding, logged, stopped, readWhenClosed: () => readWhenClosed };
}

// A client that goes away (its socket destroyed: a load balancer's timeout, a load tool
// stopping) ends its connection, so the HTTP server closes, but its request's handling runs
// on. app.close() waits for it too, so the database, closed after the app (server/index.ts),
// is still open for it: its work succeeds and nothing is logged as an error.
describe("app.close() while a request whose client went away is still handled", () => {
  it.each([
    ["in its handler", "locations"],
    ["in its access check, before its handler runs", "admins"],
  ])("waits until the request held %s has finished, its database work done", async (_where, table) => {
    // The location's Call Park Settings: the access check reads the administrator, the
    // handler the location and then its settings.
    const { holding, logged, stopped, readWhenClosed } = await stoppedWithRequestHeld(table, (port, locationId) =>
      http.get({ host: "127.0.0.1", port, path: urlOf(api.callParkSettings.get, { locationId }), headers: asAdmin, agent: false }),
    );
    holding.release();
    await stopped;
    // The request's reads after the release, the location's settings the last, all came before the close ended.
    expect(holding.done.at(-1)).toBe("location_call_park_settings");
    expect(readWhenClosed()).toEqual(holding.done);
    expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
  });

  it("waits for a request with a body held in its access check, which then ends at once: its body went with its client", async () => {
    const body = JSON.stringify({ callParkSettings: { ringPattern: "LONG_LONG" } });
    const { holding, logged, stopped, readWhenClosed } = await stoppedWithRequestHeld("admins", (port, locationId) => {
      const headers = { ...asAdmin, "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      const request = http.request({ host: "127.0.0.1", port, path: urlOf(api.callParkSettings.update, { locationId }), method: "PUT", headers, agent: false });
      request.end(body);
      return request;
    });
    holding.release();
    // Its body is not waited for (Fastify's reader would wait forever on the request's stream,
    // destroyed with its client): the access check ends, then the request, its handler never run.
    expect(await Promise.race([stopped.then(() => "closed"), sleep(5_000).then(() => "still closing 5 s on")])).toBe("closed");
    expect(readWhenClosed()).toEqual(["admins"]);
    expect(holding.done).toEqual(["admins"]);
    expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
  });

  it("does not wait for a request whose client went away while its body arrived: reading it failed, which ended it", async () => {
    const { app, port, locationId, logged, stop } = await listeningApp(undefined, "info");
    const path = urlOf(api.callParkSettings.update, { locationId });
    const request = http.request({ host: "127.0.0.1", port, path, method: "PUT", headers: { ...asAdmin, "content-type": "application/json", "content-length": 1000 }, agent: false });
    request.on("error", () => undefined);
    request.write('{"callParkSettings":');
    await until("the server to receive the request", async () => (logged.some((entry) => entry.req?.url === path) ? true : undefined));
    request.destroy();
    await connectionsEnded(app);

    expect(await Promise.race([stop().then(() => "closed"), sleep(5_000).then(() => "still closing 5 s on")])).toBe("closed");
    expect(logged.map((entry) => entry.msg)).not.toContain("waiting for the requests still being handled whose client went away");
    expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
  });
});
