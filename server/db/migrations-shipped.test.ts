import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, migrationsFor } from "@server/db/migrations";

// A shipped migration has already run on databases nobody here can reach: editing it
// changes nothing there and makes fresh databases differ from upgraded ones. Each one's
// source is pinned by its SHA-256 in SHIPPED.sha256 (sha256sum format).
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const LIST = "SHIPPED.sha256";

const migrationFiles = fs
  .readdirSync(folder)
  .filter((file) => /^\d{4}-[a-z0-9-]+(\.postgres)?\.ts$/.test(file))
  .sort();

// Line endings normalised, so that a Windows checkout hashes the same source.
const hashOf = (file: string) =>
  createHash("sha256").update(fs.readFileSync(path.join(folder, file), "utf8").replace(/\r\n/g, "\n")).digest("hex");

const pinned = new Map(
  fs
    .readFileSync(path.join(folder, LIST), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [hash, file] = line.trim().split(/\s+\*?/);
      return [file, hash] as const;
    }),
);

describe("shipped migrations never change", () => {
  it.each([...pinned.keys()])("%s is as it shipped", (file) => {
    expect(
      fs.existsSync(path.join(folder, file)),
      `${file} shipped and has been removed: databases have run it. Put it back (git checkout -- server/db/migrations/${file}).`,
    ).toBe(true);
    expect(
      hashOf(file),
      `${file} shipped and must not change: databases already ran it as it was. Put it back ` +
        `(git checkout -- server/db/migrations/${file}) and make the change in a new migration. ` +
        `(Only if ${file} is new in your branch and has never been released, update its line in ${LIST}.)`,
    ).toBe(pinned.get(file));
  });

  it(`lists every migration in ${LIST}`, () => {
    const missing = migrationFiles.filter((file) => !pinned.has(file));
    expect(missing, `add to server/db/migrations/${LIST}:\n${missing.map((f) => `${hashOf(f)}  ${f}`).join("\n")}`).toEqual([]);
  });

  it("runs every migration file, in the order of their numbers, none twice", () => {
    const names = migrationFiles.filter((file) => !file.endsWith(".postgres.ts")).map((file) => file.replace(/\.ts$/, ""));
    expect(Object.keys(MIGRATIONS), "index.ts lists each file of server/db/migrations once, in order").toEqual(names);
    expect(names.map((name) => Number(name.slice(0, 4)))).toEqual(names.map((_, i) => i + 1));
    for (const name of names) expect(typeof MIGRATIONS[name].up, name).toBe("function");
  });

  it("runs on PostgreSQL the same migrations, by the same names, each .postgres.ts counterpart in its migration's place", () => {
    const postgres = migrationsFor("postgres");
    expect(Object.keys(postgres)).toEqual(Object.keys(MIGRATIONS));
    const counterparts = migrationFiles.filter((file) => file.endsWith(".postgres.ts")).map((file) => file.replace(/\.postgres\.ts$/, ""));
    expect(counterparts.length).toBeGreaterThan(0);
    for (const name of Object.keys(MIGRATIONS)) {
      if (counterparts.includes(name)) expect(postgres[name], `${name} has its own PostgreSQL counterpart`).not.toBe(MIGRATIONS[name]);
      else expect(postgres[name], `${name} is shared`).toBe(MIGRATIONS[name]);
    }
  });
});
