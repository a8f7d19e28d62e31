import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";
import { inspect, lab } from "@server/test/server-process";
import { buildTestApp, locationIdOf } from "@server/test/test-server";
import { CreateAdminError, createAdministrator, type NewAdministrator } from "./create-admin";

// npm run admin:create: the first administrator account of a Webex-mode server (or any other).

describe("creating an administrator account", () => {
  it("makes an account that signs in with its role and, for a location administrator, its locations", async () => {
    const db = await openDatabase("sqlite::memory:");
    await seedDemoOrganization(db);
    const app = await buildTestApp(db);
    try {
      await createAdministrator(db, { email: " Ana@Example.com ", name: "Ana Lima", role: "LOCATION_ADMIN", password: "a-long-password-2026", locations: ["São Paulo"] });
      const signIn = await app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: "ana@example.com", password: "a-long-password-2026" } });
      expect(signIn.statusCode, signIn.body).toBe(201);
      expect(signIn.json().me).toMatchObject({ displayName: "Ana Lima", role: "LOCATION_ADMIN", locationIds: [await locationIdOf(db, "São Paulo")] });
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it("refuses what would make a useless or unsafe account, naming the problem", async () => {
    const db = await openDatabase("sqlite::memory:");
    const base: NewAdministrator = { email: "ana@example.com", name: "Ana", role: "FULL_ADMIN", password: "a-long-password-2026" };
    try {
      await expect(createAdministrator(db, base)).rejects.toThrow(/holds no organisation yet/);
      await seedDemoOrganization(db);
      const refusals: [Record<string, unknown>, RegExp][] = [
        [{ password: "short" }, /at least 12 characters/],
        [{ email: "not-an-address" }, /not an email address/],
        [{ role: "OWNER" }, /role must be one of/],
        [{ role: "LOCATION_ADMIN" }, /needs at least one --location/],
        [{ role: "LOCATION_ADMIN", locations: ["Atlantis"] }, /No location is named "Atlantis"/],
        [{ locations: ["São Paulo"] }, /Only a location administrator/],
      ];
      for (const [change, message] of refusals) {
        await expect(createAdministrator(db, { ...base, ...change } as NewAdministrator)).rejects.toThrow(message);
      }
      await createAdministrator(db, base);
      await expect(createAdministrator(db, { ...base, email: "ANA@example.com" })).rejects.toThrow(CreateAdminError);
    } finally {
      await db.destroy();
    }
  });

  it("is a command: the password read from standard input, never echoed", async () => {
    const l = lab();
    const db = await openDatabase(`sqlite:${l.file}`);
    await seedDemoOrganization(db);
    await db.destroy();
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/cli/create-admin.ts", "--email", "rui@example.com", "--name", "Rui Costa", "--role", "READ_ONLY_ADMIN"], {
      input: "a-long-password-2026\n",
      env: { ...process.env, DATABASE_URL: `sqlite:${l.file}` },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Created READ_ONLY_ADMIN Rui Costa <rui@example.com>");
    expect(run.stdout + run.stderr).not.toContain("a-long-password-2026");
    const admin = await inspect(l.file, (d) => d.selectFrom("admins").select(["role", "display_name"]).where("email", "=", "rui@example.com").executeTakeFirst());
    expect(admin).toEqual({ role: "READ_ONLY_ADMIN", display_name: "Rui Costa" });

    const usage = spawnSync(process.execPath, ["--import", "tsx", "server/cli/create-admin.ts", "--email", "x@example.com"], {
      input: "",
      env: { ...process.env, DATABASE_URL: `sqlite:${l.file}` },
      encoding: "utf8",
    });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain("Usage: npm run admin:create");
  });
});
