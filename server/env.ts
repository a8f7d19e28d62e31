import { z } from "zod";

const bearerToken = z.string().min(16, { message: "must be at least 16 characters" }).max(512).regex(/^\S+$/, { message: "must not contain spaces" }).optional();

// Configuration comes from the environment and is checked once, at start.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("sqlite:data/call-park-admin.sqlite")
    .refine((url) => /^(sqlite|file):/.test(url), {
      message: "must be an SQLite URL such as sqlite:data/call-park-admin.sqlite (or sqlite::memory:)",
    }),
  SEED: z.enum(["demo", "none"]).default("demo"),
  // A known bearer token for the first full administrator, for scripts and tests; unset, there is none.
  ADMIN_TOKEN: bearerToken,
  // The bearer token a Prometheus scraper sends to GET /metrics; unset, /metrics does not exist.
  METRICS_TOKEN: bearerToken,
  // Behind a reverse proxy, the client's address comes from X-Forwarded-For: the audit log
  // and the sign-in limiter then see the person, not the proxy. Only set it behind one.
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // /v1 requests a minute one token, session or address may make before 429 (Webex limits callers
  // too); the admin screens stay far below it. 0 turns the limit off.
  API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
});

export type Env = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}=${JSON.stringify(present[String(i.path[0])])}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
