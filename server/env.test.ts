import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("configuration from the environment", () => {
  it("has the documented defaults", () => {
    expect(readEnv({})).toEqual({
      PORT: 8080,
      HOST: "127.0.0.1",
      DATABASE_URL: "sqlite:data/call-park-admin.sqlite",
      SEED: "demo",
      LOG_LEVEL: "info",
      TRUST_PROXY: false,
      API_RATE_LIMIT: 600,
    });
  });

  it("reads API_RATE_LIMIT, 0 turning the limit off", () => {
    expect(readEnv({ API_RATE_LIMIT: "1200" }).API_RATE_LIMIT).toBe(1200);
    expect(readEnv({ API_RATE_LIMIT: "0" }).API_RATE_LIMIT).toBe(0);
  });

  it("reads the variables it is given", () => {
    const env = readEnv({ PORT: "9000", HOST: "0.0.0.0", DATABASE_URL: "sqlite::memory:", SEED: "none", ADMIN_TOKEN: "a-token-for-my-scripts", TRUST_PROXY: "true" });
    expect(env).toMatchObject({ TRUST_PROXY: true, PORT: 9000, HOST: "0.0.0.0", DATABASE_URL: "sqlite::memory:", SEED: "none", ADMIN_TOKEN: "a-token-for-my-scripts" });
  });

  it("reads METRICS_TOKEN, and leaves it unset when empty", () => {
    expect(readEnv({ METRICS_TOKEN: "a-token-for-prometheus" }).METRICS_TOKEN).toBe("a-token-for-prometheus");
    expect(readEnv({ METRICS_TOKEN: "" })).not.toHaveProperty("METRICS_TOKEN");
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/calls" }, "DATABASE_URL"],
    [{ SEED: "everything" }, "SEED"],
    [{ ADMIN_TOKEN: "short" }, "ADMIN_TOKEN"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    [{ API_RATE_LIMIT: "lots" }, "API_RATE_LIMIT"],
    [{ API_RATE_LIMIT: "-1" }, "API_RATE_LIMIT"],
    [{ API_RATE_LIMIT: "2.5" }, "API_RATE_LIMIT"],
    [{ ADMIN_TOKEN: "has spaces in it somewhere" }, "ADMIN_TOKEN"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
    [{ METRICS_TOKEN: "has spaces in it somewhere" }, "METRICS_TOKEN"],
  ])("refuses %j with a message naming the variable", (source, name) => {
    expect(() => readEnv(source)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}=`));
  });

  it("stops the server at start with that message and a non-zero exit", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "not-a-port", DATABASE_URL: "sqlite::memory:" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="not-a-port"');
  });
});
