import { expect } from "vitest";
import { type Db, openDatabase } from "@server/db/database";
import { staticToken } from "@server/features/gateway/credentials";
import { Gateway } from "@server/features/gateway/gateway";
import { Upstream, type UpstreamCall, type UpstreamOptions } from "@server/features/gateway/upstream";
import { type FaultProxy, startFaultProxy } from "./fault-proxy";
import { type StandIn, startStandIn } from "./standin";
import { buildTestApp } from "./test-server";

// Webex mode in one process: a stand-in for Webex (this project's own server on a real
// port, seeded with the demo organisation), optionally a fault proxy in front of it, and
// a gateway app on its own empty in-memory database, connected and synchronised once.

export interface GatewayPairOptions {
  /** Put a fault proxy between the gateway and the stand-in. */
  proxy?: boolean;
  /** Runs on the stand-in before the first synchronisation (so the mirror holds what it makes). */
  prepare?: (standin: StandIn) => Promise<void>;
  /** The Upstream's own options (sleep, timeouts, retries, onCall…); baseUrl and tokens are the pair's. */
  upstream?: Partial<Omit<UpstreamOptions, "baseUrl" | "tokens">>;
}

export interface GatewayPair {
  standin: StandIn;
  /** Present when asked for: every call of the gateway goes through it. */
  proxy?: FaultProxy;
  upstream: Upstream;
  gateway: Gateway;
  /** The gateway app (buildTestApp: requests act as the full administrator). */
  app: Awaited<ReturnType<typeof buildTestApp>>;
  /** The mirror. */
  db: Db;
  /** Every HTTP exchange the gateway's client made (retries included). */
  calls: UpstreamCall[];
  /** Stops everything, the gateway app first. */
  close(): Promise<void>;
}

export async function startGatewayPair(options: GatewayPairOptions = {}): Promise<GatewayPair> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of closers.splice(0).reverse()) await step();
  };
  try {
    const standin = await startStandIn();
    closers.push(() => standin.close());
    await options.prepare?.(standin);
    let proxy: FaultProxy | undefined;
    if (options.proxy) {
      proxy = await startFaultProxy({ target: standin.url });
      const started = proxy;
      closers.push(() => started.close());
    }
    const db = await openDatabase("sqlite::memory:");
    closers.push(() => db.destroy());
    const calls: UpstreamCall[] = [];
    const tokens = staticToken(standin.token);
    const { onCall, ...rest } = options.upstream ?? {};
    const upstream = new Upstream({
      baseUrl: proxy?.url ?? standin.url,
      tokens,
      ...rest,
      onCall: (call) => {
        calls.push(call);
        onCall?.(call);
      },
    });
    const gateway = new Gateway(db, upstream, tokens, { apiUrl: proxy?.url ?? standin.url, syncIntervalSeconds: 0 });
    await gateway.connect();
    const first = await gateway.sync();
    expect(first.errors, "the first synchronisation").toEqual([]);
    const app = await buildTestApp(db, { gateway });
    closers.push(async () => {
      await gateway.stop();
      await app.close();
    });
    return { standin, proxy, upstream, gateway, app, db, calls, close };
  } catch (error) {
    await close();
    throw error;
  }
}
