import { createHash } from "node:crypto";
import type { Insertable } from "kysely";
import type { AdminRole } from "@domain/rules/access";
import { searchKey } from "@domain/rules/text";
import { encodeId, type IdType } from "@server/lib/ids";
import { type Db, duringBulkWrites } from "./database";
import type { Database } from "./schema";

// A deterministic demo organisation: the same IDs, names and numbers on every
// machine, so the README, the tests and a bug report all speak of the same data.

function stableId(type: IdType, key: string): string {
  const h = createHash("sha1").update(`${type}:${key}`).digest("hex");
  return encodeId(type, `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`);
}

interface DemoLocation {
  name: string;
  address1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  timeZone: string;
  language: string;
  dialPrefix: string;
  brazilian: boolean;
  /** Agents of its two hunt groups; London's Sales has none yet (something for the health check to find). */
  huntGroupAgents?: [number, number];
}

export const DEMO_LOCATIONS: DemoLocation[] = [
  { name: "San Jose HQ", address1: "170 West Tasman Dr.", city: "San Jose", state: "CA", postalCode: "95134", country: "US", timeZone: "America/Los_Angeles", language: "en_us", dialPrefix: "+1408555", brazilian: false },
  { name: "New York Office", address1: "1 Penn Plaza", city: "New York", state: "NY", postalCode: "10119", country: "US", timeZone: "America/New_York", language: "en_us", dialPrefix: "+1212555", brazilian: false },
  { name: "São Paulo", address1: "Av. das Nações Unidas, 12901", city: "São Paulo", state: "SP", postalCode: "04578-000", country: "BR", timeZone: "America/Sao_Paulo", language: "pt_br", dialPrefix: "+5511355", brazilian: true },
  { name: "Florianópolis", address1: "Rua Bocaiúva, 2125", city: "Florianópolis", state: "SC", postalCode: "88015-530", country: "BR", timeZone: "America/Sao_Paulo", language: "pt_br", dialPrefix: "+5548355", brazilian: true },
  { name: "London", address1: "9-11 New Square", city: "Feltham", state: "Middlesex", postalCode: "TW14 8HA", country: "GB", timeZone: "Europe/London", language: "en_gb", dialPrefix: "+44208555", brazilian: false, huntGroupAgents: [4, 0] },
];

const FIRST = ["Alex", "Maria", "Sam", "Priya", "Jordan", "Chen", "Fatima", "Liam", "Olivia", "Noah", "Emma", "Diego"];
const LAST = ["Smith", "Garcia", "Patel", "Johnson", "Nguyen", "Brown", "Kim", "Okafor", "Miller", "Rossi", "Walker", "Cohen"];
const FIRST_BR = ["João", "Ana", "Luís", "Conceição", "Thiago", "Letícia", "André", "Fernanda", "Caio", "Júlia", "Márcio", "Beatriz"];
const LAST_BR = ["Silva", "Araújo", "Gonçalves", "Souza", "Magalhães", "Pereira", "Simões", "Lima", "Conceição", "Ribeiro", "Antônio", "Brandão"];

export interface OrgShape {
  locations: DemoLocation[];
  peoplePerLocation: number;
  callParkExtensionsPerLocation: number;
}

type SeededTable = "organizations" | "locations" | "members" | "hunt_groups" | "call_park_extensions" | "location_numbers";
type Rows = {
  [K in SeededTable]: Insertable<Database[K]>[];
};

/** Builds every row of an organisation of the given shape, in memory. */
export function buildOrganization(shape: OrgShape): Rows {
  const rows: Rows = {
    organizations: [],
    locations: [],
    members: [],
    hunt_groups: [],
    call_park_extensions: [],
    location_numbers: [],
  };
  const orgId = stableId("ORGANIZATION", "demo");
  rows.organizations.push({ id: orgId, display_name: "Acme Telecom", created_at: "2026-01-05T09:00:00.000Z" });

  shape.locations.forEach((loc, li) => {
    const locationId = stableId("LOCATION", loc.name);
    const count = shape.callParkExtensionsPerLocation;
    rows.locations.push({
      id: locationId,
      org_id: orgId,
      name: loc.name,
      name_key: searchKey(loc.name),
      address1: loc.address1,
      address2: null,
      city: loc.city,
      state: loc.state,
      postal_code: loc.postalCode,
      country: loc.country,
      time_zone: loc.timeZone,
      preferred_language: loc.language,
      announcement_language: loc.language,
      latitude: null,
      longitude: null,
      notes: null,
      routing_prefix: String(8001 + li),
      call_park_extension_count: count,
    });
    const number = (owner_type: Database["location_numbers"]["owner_type"], owner_id: string, extension: string) =>
      rows.location_numbers.push({ location_id: locationId, extension, owner_type, owner_id });
    const firsts = loc.brazilian ? FIRST_BR : FIRST;
    const lasts = loc.brazilian ? LAST_BR : LAST;

    for (let i = 0; i < shape.peoplePerLocation; i++) {
      const first = firsts[i % firsts.length];
      // Distinct first+last pairs for up to 144 people per location.
      const last = lasts[(i * 5 + Math.floor(i / firsts.length) + li) % lasts.length];
      const id = stableId("PEOPLE", `${loc.name}:${i}`);
      const extension = String(1001 + i);
      rows.members.push({
        id,
        location_id: locationId,
        type: "PEOPLE",
        first_name: first,
        last_name: last,
        display_name: `${first} ${last}`,
        email: `${searchKey(first)}.${searchKey(last)}${i}@acme.example`.replace(/\s/g, ""),
        phone_number: `${loc.dialPrefix}${String(1000 + i).padStart(4, "0")}`,
        extension,
      });
      number("PEOPLE", id, extension);
    }
    const workspaces = loc.brazilian ? ["Recepção", "Sala de Reunião", "Almoxarifado"] : ["Lobby", "Conference Room", "Warehouse"];
    workspaces.forEach((name, i) => {
      const id = stableId("PLACE", `${loc.name}:${i}`);
      const extension = String(2001 + i);
      rows.members.push({ id, location_id: locationId, type: "PLACE", first_name: name, last_name: "", display_name: name, email: null, phone_number: null, extension });
      number("PLACE", id, extension);
    });
    const lines = loc.brazilian ? ["Linha Plantão", "Linha Diretoria"] : ["After Hours Line", "Executive Line"];
    lines.forEach((name, i) => {
      const id = stableId("VIRTUAL_LINE", `${loc.name}:${i}`);
      const extension = String(3001 + i);
      rows.members.push({ id, location_id: locationId, type: "VIRTUAL_LINE", first_name: name, last_name: "", display_name: name, email: null, phone_number: `${loc.dialPrefix}${3000 + i}`, extension });
      number("VIRTUAL_LINE", id, extension);
    });
    const hunts = loc.brazilian ? ["Suporte", "Vendas"] : ["Support", "Sales"];
    hunts.forEach((name, i) => {
      const id = stableId("HUNT_GROUP", `${loc.name}:${i}`);
      const extension = String(4001 + i);
      const agents = (loc.huntGroupAgents ?? [4, 3])[i];
      rows.hunt_groups.push({ id, location_id: locationId, name, phone_number: `${loc.dialPrefix}${4000 + i}`, extension, agent_count: agents });
      number("HUNT_GROUP", id, extension);
    });
    const park = loc.brazilian ? "Estacionamento" : "Park";
    for (let i = 0; i < count; i++) {
      const id = stableId("CALL_PARK_EXTENSION", `${loc.name}:${i}`);
      const extension = String(5001 + i);
      const name = `${park} ${String(i + 1).padStart(2, "0")}`;
      rows.call_park_extensions.push({ id, location_id: locationId, name, name_key: searchKey(name), extension, created_at: "2026-01-05T09:00:00.000Z" });
      number("CALL_PARK_EXTENSION", id, extension);
    }
  });
  return rows;
}

/** Writes an organisation in one transaction, in batches SQLite accepts, as bulk writes (duringBulkWrites). */
export async function insertOrganization(db: Db, rows: Rows) {
  const insert = async (trx: Db) => {
    for (const table of Object.keys(rows) as SeededTable[]) {
      const all = rows[table];
      for (let i = 0; i < all.length; i += 500) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed per table above
        await trx.insertInto(table).values(all.slice(i, i + 500) as any).execute();
      }
    }
  };
  // In the caller's transaction when given one (the demo seed's check-then-insert).
  await (db.isTransaction ? insert(db) : duringBulkWrites(db, () => db.transaction().execute(insert)));
}

/** The demo accounts' password, for local use only (the README gives it). */
export const DEMO_PASSWORD = "park-demo-2026";

interface DemoAdmin {
  email: string;
  displayName: string;
  role: AdminRole;
  /** For a location administrator: the location they manage (the first location when absent). */
  locationName?: string;
  /** scrypt of DEMO_PASSWORD, computed once (see password.ts) so seeding costs no hashing. */
  passwordHash: string;
}

export const DEMO_ADMINS = {
  full: {
    email: "admin@acme.example",
    displayName: "Morgan Reyes",
    role: "FULL_ADMIN",
    passwordHash: "scrypt$17$8$1$g52bos7I4jk-0h6R3nRbcg$WxHBFri7OzcpUSm2dD3ws66BN3tZHG0qz-qvVlbJhkI",
  },
  readOnly: {
    email: "readonly@acme.example",
    displayName: "Riley Chen",
    role: "READ_ONLY_ADMIN",
    passwordHash: "scrypt$17$8$1$SAao6oGqjSCjTIzJmrta1A$dcH5a0R3zkBKjwzZdXwz7O4ZPFjaLhtV__ejnJrxfvk",
  },
  location: {
    email: "saopaulo@acme.example",
    displayName: "Beatriz Souza",
    role: "LOCATION_ADMIN",
    locationName: "São Paulo",
    passwordHash: "scrypt$17$8$1$oLf0QpQgnSqxxk5T_ISWug$QS-ccCUgxskavOozM4Ivc_Dqh8UJaIJP0hcGCREBdcY",
  },
} as const satisfies Record<string, DemoAdmin>;

export function demoAdminId(email: string): string {
  return stableId("PEOPLE", `admin:${email}`);
}

/** The demo administrators, one per role, in the organisation the database holds. */
export async function seedDemoAdministrators(db: Db) {
  const org = await db.selectFrom("organizations").select("id").orderBy("created_at").executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const admin of Object.values(DEMO_ADMINS) as DemoAdmin[]) {
      const id = demoAdminId(admin.email);
      await trx
        .insertInto("admins")
        .values({ id, org_id: org.id, email: admin.email, display_name: admin.displayName, role: admin.role, password_hash: admin.passwordHash, created_at: now })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      if (admin.role !== "LOCATION_ADMIN") continue;
      const location =
        (await trx.selectFrom("locations").select("id").where("name", "=", admin.locationName ?? "").executeTakeFirst()) ??
        (await trx.selectFrom("locations").select("id").orderBy("name").executeTakeFirstOrThrow());
      await trx.insertInto("admin_locations").values({ admin_id: id, location_id: location.id }).onConflict((oc) => oc.doNothing()).execute();
    }
  });
}

/** Seeds the demo organisation into an empty database; a database with data is left alone. */
export async function seedDemoOrganization(db: Db) {
  const rows = buildOrganization({ locations: DEMO_LOCATIONS, peoplePerLocation: 36, callParkExtensionsPerLocation: 6 });
  // The check and the insert in one transaction: two instances starting at once on one
  // PostgreSQL database seed it once (the second's SERIALIZABLE transaction is refused,
  // run again, and finds the organisation there).
  const seeded = await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("organizations").select("id").executeTakeFirst()) return false;
    await insertOrganization(trx, rows);
    return true;
  });
  if (seeded) await seedDemoAdministrators(db);
  return seeded;
}
