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
      DATABASE_POOL_SIZE: 10,
      SEED: "demo",
      LOG_LEVEL: "info",
      TRUST_PROXY: false,
      API_RATE_LIMIT: 600,
      WEBEX_SYNC_INTERVAL: 900,
    });
  });

  it("takes a PostgreSQL database and the size of its connection pool", () => {
    expect(readEnv({ DATABASE_URL: "postgres://park:secret@db.example:5432/callpark", DATABASE_POOL_SIZE: "25" })).toMatchObject({
      DATABASE_URL: "postgres://park:secret@db.example:5432/callpark",
      DATABASE_POOL_SIZE: 25,
    });
    expect(readEnv({ DATABASE_URL: "postgresql://db.example/callpark" }).DATABASE_URL).toBe("postgresql://db.example/callpark");
  });

  it("takes Webex mode's variables as a set: the address and one kind of credential", () => {
    const url = { WEBEX_API_URL: "https://webexapis.com/v1" };
    expect(readEnv({ ...url, WEBEX_ACCESS_TOKEN: "abc" })).toMatchObject({ ...url, WEBEX_ACCESS_TOKEN: "abc" });
    const oauth = { WEBEX_CLIENT_ID: "id", WEBEX_CLIENT_SECRET: "secret-value", WEBEX_REFRESH_TOKEN: "refresh-value" };
    expect(readEnv({ ...url, ...oauth })).toMatchObject(oauth);
    const refusals: [Record<string, string>, string][] = [
      [url, "Webex mode needs a credential"],
      [{ WEBEX_ACCESS_TOKEN: "abc" }, "set WEBEX_API_URL too"],
      [{ ...url, ...oauth, WEBEX_ACCESS_TOKEN: "abc" }, "not both"],
      [{ ...url, WEBEX_CLIENT_ID: "id" }, "WEBEX_CLIENT_SECRET, WEBEX_REFRESH_TOKEN: missing"],
      [{ WEBEX_API_URL: "ftp://example.com" }, "WEBEX_API_URL"],
      [{ ...url, WEBEX_ACCESS_TOKEN: "has a space secret-value" }, "WEBEX_ACCESS_TOKEN=(hidden)"],
    ];
    for (const [env, message] of refusals) {
      expect(() => readEnv(env)).toThrow(message);
      // No secret's value in the message, whatever is wrong.
      expect(() => readEnv(env)).not.toThrow(/secret-value|refresh-value/);
    }
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

  it("reads PUBLIC_URL, an absolute http(s) address with or without a path, and leaves it unset when empty", () => {
    for (const url of ["https://admin.example.com", "https://admin.example.com/callpark", "http://10.0.0.5:8080/"]) {
      expect(readEnv({ PUBLIC_URL: url }).PUBLIC_URL).toBe(url);
    }
    expect(readEnv({ PUBLIC_URL: "" })).not.toHaveProperty("PUBLIC_URL");
  });

  it.each(["admin.example.com", "/callpark", "ftp://admin.example.com", "https://admin.example.com/?page=1", "https://admin.example.com/#top", "https://user:pass@admin.example.com"])(
    "refuses PUBLIC_URL=%j with a message naming it",
    (url) => {
      expect(() => readEnv({ PUBLIC_URL: url })).toThrow(/Invalid configuration:[\s\S]*PUBLIC_URL=.*must be an/);
    },
  );

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/calls" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
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
