import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { buildOrganization, DEMO_ADMINS, DEMO_LOCATIONS, seedDemoAdministrators, seedDemoOrganization } from "./seed";

const demoShape = { locations: DEMO_LOCATIONS, peoplePerLocation: 36, callParkExtensionsPerLocation: 6 };

describe("the demo organisation", () => {
  it("is the same on every build: same IDs, names and numbers", () => {
    expect(buildOrganization(demoShape)).toEqual(buildOrganization(demoShape));
  });

  it("has five locations, two of them in Brazil with accented names", () => {
    const rows = buildOrganization(demoShape);
    expect(rows.locations).toHaveLength(5);
    const brazil = rows.locations.filter((l) => l.country === "BR");
    expect(brazil.length).toBeGreaterThanOrEqual(2);
    expect(brazil.some((l) => /\P{ASCII}/u.test(l.name))).toBe(true);
  });

  it("gives every location dozens of people, workspaces, virtual lines, hunt groups and call park extensions", () => {
    const rows = buildOrganization(demoShape);
    for (const location of rows.locations) {
      const members = rows.members.filter((m) => m.location_id === location.id);
      expect(members.filter((m) => m.type === "PEOPLE").length).toBeGreaterThanOrEqual(24);
      expect(members.filter((m) => m.type === "PLACE").length).toBeGreaterThan(0);
      expect(members.filter((m) => m.type === "VIRTUAL_LINE").length).toBeGreaterThan(0);
      expect(rows.hunt_groups.filter((h) => h.location_id === location.id).length).toBeGreaterThan(0);
      expect(rows.call_park_extensions.filter((c) => c.location_id === location.id)).toHaveLength(6);
      expect(location.call_park_extension_count).toBe(6);
    }
    expect(rows.members.every((m) => m.type !== "PEOPLE" || (m.extension && m.phone_number))).toBe(true);
  });

  it("names every person of a location differently, so a search finds one", () => {
    const rows = buildOrganization(demoShape);
    for (const location of rows.locations) {
      const names = rows.members.filter((m) => m.location_id === location.id).map((m) => m.display_name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("puts every extension in the numbering plan exactly once per location", () => {
    const rows = buildOrganization(demoShape);
    const withExtension = rows.members.length + rows.hunt_groups.length + rows.call_park_extensions.length;
    expect(rows.location_numbers).toHaveLength(withExtension);
    const keys = rows.location_numbers.map((n) => `${n.location_id}:${n.extension}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("first start", () => {
  it("creates the SQLite file and its folder, migrates and seeds once; a restart keeps the data", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-seed-"));
    const url = `sqlite:${path.join(dir, "nested", "app.sqlite")}`;
    let db = await openDatabase(url);
    expect(await seedDemoOrganization(db)).toBe(true);
    await db.deleteFrom("call_park_extensions").where("extension", "=", "5001").execute();
    await db.destroy();
    expect(fs.existsSync(path.join(dir, "nested", "app.sqlite"))).toBe(true);

    db = await openDatabase(url);
    expect(await seedDemoOrganization(db)).toBe(false);
    const { n } = await db
      .selectFrom("call_park_extensions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(5 * 6 - 5);
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the demo administrators", () => {
  it("are one per role, the location administrator managing São Paulo, and seeding twice adds none", async () => {
    const db = await openDatabase("sqlite::memory:");
    try {
      await seedDemoOrganization(db);
      await seedDemoAdministrators(db);
      const admins = await db
        .selectFrom("admins")
        .leftJoin("admin_locations as al", "al.admin_id", "admins.id")
        .leftJoin("locations as l", "l.id", "al.location_id")
        .select(["admins.email", "admins.role", "l.name as location"])
        .orderBy("admins.email")
        .execute();
      expect(admins).toEqual([
        { email: DEMO_ADMINS.full.email, role: "FULL_ADMIN", location: null },
        { email: DEMO_ADMINS.readOnly.email, role: "READ_ONLY_ADMIN", location: null },
        { email: DEMO_ADMINS.location.email, role: "LOCATION_ADMIN", location: "São Paulo" },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
