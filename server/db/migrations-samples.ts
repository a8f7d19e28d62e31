import { type Kysely, sql } from "kysely";

// Representative rows of every table, written as each migration left the schema: an
// upgrade test fills a database with them at its starting point and then finds them
// intact. Like the migrations, they are literals that never change: a new migration
// that adds or changes a table adds its own entry, with the rows a database made at
// that point could hold.

type Row = Record<string, string | number | null>;
export type Samples = Record<string, Row[]>;

const AT = "2026-01-05T09:00:00.000Z";

export const SAMPLES: Record<string, Samples> = {
  "0001-initial": {
    organizations: [{ id: "org-1", display_name: "Acme", created_at: AT }],
    locations: [
      { id: "loc-sj", org_id: "org-1", name: "San Jose HQ", name_key: "san jose hq", address1: "170 West Tasman Dr.", address2: null, city: "San Jose", state: "CA", postal_code: "95134", country: "US", time_zone: "America/Los_Angeles", preferred_language: "en_us", announcement_language: "en_us", latitude: "37.41", longitude: "-121.95", notes: null, routing_prefix: "8001", call_park_extension_count: 2 },
      { id: "loc-sp", org_id: "org-1", name: "São Paulo", name_key: "sao paulo", address1: "Av. das Nações Unidas, 12901", address2: "Torre Norte", city: "São Paulo", state: "SP", postal_code: "04578-000", country: "BR", time_zone: "America/Sao_Paulo", preferred_language: "pt_br", announcement_language: "pt_br", latitude: null, longitude: null, notes: "Ground floor", routing_prefix: null, call_park_extension_count: 1 },
    ],
    members: [
      { id: "m-person", location_id: "loc-sj", type: "PEOPLE", first_name: "Alex", last_name: "Smith", display_name: "Alex Smith", email: "alex@acme.example", phone_number: "+14085550100", extension: "1100" },
      { id: "m-place", location_id: "loc-sj", type: "PLACE", first_name: "Lobby", last_name: "Phone", display_name: "Lobby Phone", email: null, phone_number: null, extension: "1101" },
      { id: "m-line", location_id: "loc-sp", type: "VIRTUAL_LINE", first_name: "Linha", last_name: "Virtual", display_name: "Linha Virtual", email: null, phone_number: null, extension: "2100" },
    ],
    hunt_groups: [{ id: "hg-1", location_id: "loc-sj", name: "Front Desk", phone_number: "+14085550199", extension: "1199" }],
    call_park_extensions: [
      { id: "cpe-1", location_id: "loc-sj", name: "Dock 1", name_key: "dock 1", extension: "1001", created_at: AT },
      { id: "cpe-2", location_id: "loc-sj", name: "Dock 2", name_key: "dock 2", extension: "1002", created_at: AT },
      { id: "cpe-3", location_id: "loc-sp", name: "Doca Ção", name_key: "doca cao", extension: "2001", created_at: AT },
    ],
    location_numbers: [
      { location_id: "loc-sj", extension: "1100", owner_type: "PEOPLE", owner_id: "m-person" },
      { location_id: "loc-sj", extension: "1101", owner_type: "PLACE", owner_id: "m-place" },
      { location_id: "loc-sp", extension: "2100", owner_type: "VIRTUAL_LINE", owner_id: "m-line" },
      { location_id: "loc-sj", extension: "1199", owner_type: "HUNT_GROUP", owner_id: "hg-1" },
      { location_id: "loc-sj", extension: "1001", owner_type: "CALL_PARK_EXTENSION", owner_id: "cpe-1" },
      { location_id: "loc-sj", extension: "1002", owner_type: "CALL_PARK_EXTENSION", owner_id: "cpe-2" },
      { location_id: "loc-sp", extension: "2001", owner_type: "CALL_PARK_EXTENSION", owner_id: "cpe-3" },
    ],
  },
  "0002-call-park-groups-and-settings": {
    location_call_park_settings: [
      { location_id: "loc-sj", recall_option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", recall_hunt_group_id: "hg-1", ring_pattern: "SHORT_LONG_SHORT", recall_time: 600, hunt_wait_time: 30 },
      { location_id: "loc-sp", recall_option: "ALERT_PARKING_USER_ONLY", recall_hunt_group_id: null, ring_pattern: "NORMAL", recall_time: 45, hunt_wait_time: 45 },
    ],
    call_parks: [
      { id: "cp-1", location_id: "loc-sj", name: "Dock team", name_key: "dock team", recall_option: "ALERT_HUNT_GROUP_ONLY", recall_hunt_group_id: "hg-1", park_on_agents_enabled: 1, created_at: AT },
    ],
    call_park_agents: [
      { call_park_id: "cp-1", member_id: "m-person", position: 0 },
      { call_park_id: "cp-1", member_id: "m-place", position: 1 },
    ],
    call_park_destinations: [
      { call_park_id: "cp-1", call_park_extension_id: "cpe-2", position: 0 },
      { call_park_id: "cp-1", call_park_extension_id: "cpe-1", position: 1 },
    ],
  },
  "0003-import-jobs": {
    import_jobs: [
      { id: "job-1", seq: 1, file_name: "docks.csv", mode: "partial", created_by: "Morgan Reyes", tracking_id: "CPA_job-1", created_at: AT, updated_at: AT, finished_at: AT, status: "COMPLETED", exit_code: "COMPLETED_WITH_ERRORS", total: 2, processed: 2, created: 1, updated: 0, deleted: 0, unchanged: 0, failed: 1 },
      { id: "job-2", seq: 2, file_name: "all.csv", mode: "atomic", created_by: "Morgan Reyes", tracking_id: "CPA_job-2", created_at: AT, updated_at: AT, finished_at: null, status: "STARTED", exit_code: "UNKNOWN", total: 1, processed: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
    ],
    import_job_rows: [
      { job_id: "job-1", item_number: 1, row_values: '{"location":"San Jose HQ","name":"Dock 3","extension":"1003"}', state: "done", outcome: "CREATE", issues: null },
      { job_id: "job-1", item_number: 2, row_values: '{"location":"Nowhere","name":"Dock 4","extension":"1004"}', state: "done", outcome: "ERROR", issues: '[{"path":["location"],"code":"unknownLocation"}]' },
      { job_id: "job-2", item_number: 1, row_values: '{"location":"São Paulo","name":"Doca 2","extension":"2002"}', state: "pending", outcome: null, issues: null },
    ],
  },
  "0004-administrators-and-audit": {
    admins: [
      { id: "adm-full", org_id: "org-1", email: "admin@acme.example", display_name: "Morgan Reyes", role: "FULL_ADMIN", password_hash: "scrypt$17$8$1$salt$hash", created_at: AT },
      { id: "adm-read", org_id: "org-1", email: "readonly@acme.example", display_name: "Riley Chen", role: "READ_ONLY_ADMIN", password_hash: "scrypt$17$8$1$salt$hash", created_at: AT },
      { id: "adm-loc", org_id: "org-1", email: "saopaulo@acme.example", display_name: "Beatriz Souza", role: "LOCATION_ADMIN", password_hash: "scrypt$17$8$1$salt$hash", created_at: AT },
    ],
    admin_locations: [{ admin_id: "adm-loc", location_id: "loc-sp" }],
    sessions: [{ token_hash: "session-hash", admin_id: "adm-full", csrf_token: "csrf", created_at: AT, expires_at: "2026-01-05T17:00:00.000Z", source_ip: "127.0.0.1" }],
    access_tokens: [{ id: "tok-1", admin_id: "adm-read", name: "Reports", token_hash: "token-hash", hint: "…a1b2", created_at: AT, last_used_at: null }],
    audit_events: [
      { id: "ae-1", seq: 1, occurred_at: AT, actor_id: "adm-full", actor_name: "Morgan Reyes", actor_email: "admin@acme.example", source_ip: "127.0.0.1", user_agent: "Mozilla/5.0", action: "CREATE", object_type: "callParkExtension", object_id: "cpe-1", object_name: "Dock 1", location_id: "loc-sj", location_name: "San Jose HQ", before_values: null, after_values: '{"name":"Dock 1","extension":"1001"}', task_id: null, tracking_id: "CPA_ae-1" },
      { id: "ae-2", seq: 2, occurred_at: AT, actor_id: "adm-full", actor_name: "Morgan Reyes", actor_email: "admin@acme.example", source_ip: "127.0.0.1", user_agent: null, action: "IMPORT", object_type: "importJob", object_id: "job-3", object_name: "scoped.csv", location_id: null, location_name: null, before_values: null, after_values: null, task_id: "job-3", tracking_id: "CPA_ae-2" },
    ],
    import_jobs: [
      { id: "job-3", seq: 3, file_name: "scoped.csv", mode: "partial", created_by: "Beatriz Souza", created_by_id: "adm-loc", location_scope: '["loc-sp"]', tracking_id: "CPA_job-3", created_at: AT, updated_at: AT, finished_at: AT, status: "FAILED", exit_code: "FAILED", total: 0, processed: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
    ],
  },
  "0006-call-park-id-follows-name": {
    call_parks: [
      { id: "cp-2b", location_id: "loc-sp", name: "Doca norte", name_key: "doca norte", recall_option: "ALERT_PARKING_USER_ONLY", recall_hunt_group_id: null, park_on_agents_enabled: 0, created_at: AT },
    ],
    call_park_destinations: [{ call_park_id: "cp-2b", call_park_extension_id: "cpe-3", position: 0 }],
    audit_events: [
      { id: "ae-3", seq: 3, occurred_at: AT, actor_id: "adm-full", actor_name: "Morgan Reyes", actor_email: "admin@acme.example", source_ip: "127.0.0.1", user_agent: null, action: "CREATE", object_type: "callPark", object_id: "cp-2a", history_id: "cp-2a", object_name: "Doca", location_id: "loc-sp", location_name: "São Paulo", before_values: null, after_values: '{"name":"Doca"}', task_id: null, tracking_id: "CPA_ae-3" },
      { id: "ae-4", seq: 4, occurred_at: AT, actor_id: "adm-full", actor_name: "Morgan Reyes", actor_email: "admin@acme.example", source_ip: "127.0.0.1", user_agent: null, action: "UPDATE", object_type: "callPark", object_id: "cp-2b", history_id: "cp-2a", object_name: "Doca norte", location_id: "loc-sp", location_name: "São Paulo", before_values: '{"name":"Doca"}', after_values: '{"name":"Doca norte"}', task_id: null, tracking_id: "CPA_ae-4" },
    ],
  },
  "0007-webex-gateway": {
    gateway_state: [
      { key: "refreshToken", value: '{"fromEnvironment":"rt-env","current":"rt-2"}', updated_at: AT },
      { key: "lastSync", value: '{"startedAt":"2026-01-05T09:00:00.000Z","outcome":"succeeded","objects":12,"upstreamCalls":9,"drift":1,"errors":[]}', updated_at: AT },
    ],
    audit_events: [
      { id: "ae-5", seq: 5, occurred_at: AT, actor_id: "webex", actor_name: "Webex", actor_email: "", source_ip: "", user_agent: null, action: "UPDATE", object_type: "callParkExtension", object_id: "cpe-2", history_id: "cpe-2", object_name: "Dock 2b", location_id: "loc-sj", location_name: "San Jose HQ", before_values: '{"name":"Dock 2"}', after_values: '{"name":"Dock 2b"}', task_id: null, tracking_id: "CPA_sync-1", origin: "upstream" },
    ],
    import_job_rows: [
      { job_id: "job-2", item_number: 2, row_values: '{"location":"São Paulo","name":"Doca 3","extension":"2003"}', state: "pending", outcome: null, issues: null, upstream_started_at: AT, upstream_id: null },
    ],
  },
  "0008-lists-at-scale": {
    locations: [
      { id: "loc-fl", org_id: "org-1", name: "Florianópolis", name_key: "florianopolis", address1: "Rua Bocaiúva, 2125", address2: null, city: "Florianópolis", state: "SC", postal_code: "88015-530", country: "BR", time_zone: "America/Sao_Paulo", preferred_language: "pt_br", announcement_language: "pt_br", latitude: null, longitude: null, notes: null, routing_prefix: "8004", call_park_extension_count: 2 },
    ],
    // Each call park extension now carries its location's name and search key.
    call_park_extensions: [
      { id: "cpe-4", location_id: "loc-fl", name: "Doca Ção", name_key: "doca cao", extension: "4001", created_at: AT, location_name_key: "florianopolis", location_name: "Florianópolis" },
      { id: "cpe-5", location_id: "loc-fl", name: "50% Doca_1", name_key: "50% doca_1", extension: "4002", created_at: AT, location_name_key: "florianopolis", location_name: "Florianópolis" },
    ],
    location_numbers: [
      { location_id: "loc-fl", extension: "4001", owner_type: "CALL_PARK_EXTENSION", owner_id: "cpe-4" },
      { location_id: "loc-fl", extension: "4002", owner_type: "CALL_PARK_EXTENSION", owner_id: "cpe-5" },
    ],
    call_parks: [
      { id: "cp-3", location_id: "loc-fl", name: "Doca sul", name_key: "doca sul", recall_option: "ALERT_PARKING_USER_ONLY", recall_hunt_group_id: null, park_on_agents_enabled: 0, created_at: AT },
    ],
  },
  "0009-several-instances": {
    leases: [{ name: "import:job-2", owner: "instance-a", expires_at: 1767603630000 }],
    sign_in_attempts: [{ id: "sia-1", account: "alex@acme.example", client: "203.0.113.7", at: 1767603600000 }],
  },
  "0010-hunt-group-agents": {
    hunt_groups: [
      { id: "hg-2", location_id: "loc-sp", name: "Vendas", phone_number: null, extension: "2199", agent_count: 0 },
      { id: "hg-3", location_id: "loc-sp", name: "Suporte", phone_number: null, extension: "2198", agent_count: 4 },
    ],
  },
  "0011-call-park-import-jobs": {
    import_jobs: [
      { id: "job-4", seq: 4, kind: "callParks", file_name: "groups.csv", mode: "partial", created_by: "Morgan Reyes", created_by_id: "adm-full", location_scope: null, tracking_id: "CPA_job-4", created_at: AT, updated_at: AT, finished_at: AT, status: "COMPLETED", exit_code: "COMPLETED", total: 1, processed: 1, created: 1, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
    ],
    import_job_rows: [
      { job_id: "job-4", item_number: 2, row_values: '{"name":"Doca sul","location":"São Paulo","recallTo":"","huntGroup":"","members":"","membersAsDestinations":"","extensions":"2002","action":""}', state: "done", outcome: "CREATE", issues: null },
    ],
  },
};

/** Writes one migration's sample rows (in the order given: parents before children). */
export async function insertSamples(db: Kysely<unknown>, samples: Samples = {}): Promise<void> {
  for (const [table, rows] of Object.entries(samples)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(columns.map((c) => row[c]))})`.execute(db);
    }
  }
}

/** Every sample row written up to and including a migration, by table. */
export function samplesUpTo(names: readonly string[]): Samples {
  const all: Samples = {};
  for (const name of names) {
    for (const [table, rows] of Object.entries(SAMPLES[name] ?? {})) all[table] = [...(all[table] ?? []), ...rows];
  }
  return all;
}
