import { z } from "zod";

const bearerToken = z.string().min(16, { message: "must be at least 16 characters" }).max(512).regex(/^\S+$/, { message: "must not contain spaces" }).optional();

// Configuration comes from the environment and is checked once, at start.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("sqlite:data/call-park-admin.sqlite")
    .refine((url) => /^(sqlite|file):/.test(url) || (/^postgres(ql)?:\/\//i.test(url) && URL.canParse(url) && new URL(url).pathname.length > 1), {
      message:
        "must be an SQLite URL such as sqlite:data/call-park-admin.sqlite (or sqlite::memory:), or a PostgreSQL one naming its database, such as postgres://user:password@host:5432/callpark",
    }),
  // PostgreSQL: the connections this server keeps open (each instance its own).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  SEED: z.enum(["demo", "none"]).default("demo"),
  // A known bearer token for the first full administrator, for scripts and tests; unset, there is none.
  ADMIN_TOKEN: bearerToken,
  // The bearer token a Prometheus scraper sends to GET /metrics; unset, /metrics does not exist.
  METRICS_TOKEN: bearerToken,
  // Behind a reverse proxy, the client's address comes from X-Forwarded-For: the audit log
  // and the sign-in limiter then see the person, not the proxy. Only set it behind one.
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  // The address people reach the server at (with the path a reverse proxy serves it under, if any):
  // absolute links in answers (Link: rel="next") start with it rather than with any Host header.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) address, such as https://admin.example.com or https://admin.example.com/callpark" })
    .refine((url) => {
      // An address that is not one at all has its message already.
      if (!URL.canParse(url)) return true;
      const { search, hash, username, password } = new URL(url);
      return !search && !hash && !username && !password;
    }, { message: "must be an address without a query, a fragment or credentials" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // /v1 requests a minute one token, session or address may make before 429 (Webex limits callers
  // too); the admin screens stay far below it. 0 turns the limit off.
  API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
  // Webex mode: the organisation lives in Webex (README: Connect a Webex organisation).
  WEBEX_API_URL: z.url({ protocol: /^https?$/, error: "must be the Webex API's address, such as https://webexapis.com/v1" }).optional(),
  WEBEX_ACCESS_TOKEN: z.string().regex(/^\S+$/, { message: "must not contain spaces" }).optional(),
  WEBEX_CLIENT_ID: z.string().optional(),
  WEBEX_CLIENT_SECRET: z.string().optional(),
  WEBEX_REFRESH_TOKEN: z.string().regex(/^\S+$/, { message: "must not contain spaces" }).optional(),
  WEBEX_ORG_ID: z.string().max(500).optional(),
  WEBEX_ORG_NAME: z.string().max(200).optional(),
  // Seconds between synchronisations of the mirror with Webex; 0: only at start and on demand.
  WEBEX_SYNC_INTERVAL: z.coerce.number().int().min(0).max(86_400).default(900),
});

const OAUTH = ["WEBEX_CLIENT_ID", "WEBEX_CLIENT_SECRET", "WEBEX_REFRESH_TOKEN"] as const;

/** Webex mode's variables come as a set: the address, and one kind of credential. */
function webexProblems(env: z.output<typeof envSchema>): string[] {
  const oauth = OAUTH.filter((name) => env[name] !== undefined);
  if (!env.WEBEX_API_URL) {
    const stray = [...(env.WEBEX_ACCESS_TOKEN ? ["WEBEX_ACCESS_TOKEN"] : []), ...oauth, ...(env.WEBEX_ORG_ID ? ["WEBEX_ORG_ID"] : [])];
    return stray.length ? [`  ${stray.join(", ")}: set WEBEX_API_URL too (Webex mode), or remove them (standalone mode)`] : [];
  }
  if (env.WEBEX_ACCESS_TOKEN && oauth.length) {
    return ["  WEBEX_ACCESS_TOKEN: give either WEBEX_ACCESS_TOKEN or WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN, not both"];
  }
  if (!env.WEBEX_ACCESS_TOKEN && oauth.length < OAUTH.length) {
    const missing = OAUTH.filter((name) => env[name] === undefined);
    return oauth.length
      ? [`  ${missing.join(", ")}: missing (a refreshed credential needs WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN)`]
      : ["  WEBEX_API_URL: Webex mode needs a credential: WEBEX_ACCESS_TOKEN, or WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN"];
  }
  return [];
}

export type Env = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    // A secret's value is never echoed, even a malformed one.
    const shown = (name: string) => (/TOKEN|SECRET/.test(name) ? "(hidden)" : JSON.stringify(present[name]));
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}=${shown(String(i.path[0]))}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  // Secrets are never echoed: only the variables' names.
  const problems = webexProblems(result.data);
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  return result.data;
}
