import type { Generated } from "kysely";
import type { NumberOwnerType } from "@domain/rules/numbering-plan";
import type { RecallOption, RingPattern } from "@domain/rules/recall";
import type { AdminRole } from "@domain/rules/access";
import type { AuditAction, AuditObjectType } from "@domain/schemas/audit-event";

// Table shapes as Kysely sees them. Columns are snake_case; repositories map rows
// onto the Webex field names.

export interface OrganizationTable {
  id: string;
  display_name: string;
  created_at: string;
}

export interface LocationTable {
  id: string;
  org_id: string;
  name: string;
  name_key: string;
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  time_zone: string;
  preferred_language: string;
  announcement_language: string;
  latitude: string | null;
  longitude: string | null;
  notes: string | null;
  routing_prefix: string | null;
  /** Kept by the call park extension service; a CHECK constraint holds the cap. */
  call_park_extension_count: Generated<number>;
}

export type MemberType = "PEOPLE" | "PLACE" | "VIRTUAL_LINE";

/** People, workspaces and virtual lines: whoever can be a call park group member. */
export interface MemberTable {
  id: string;
  location_id: string;
  type: MemberType;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string | null;
  phone_number: string | null;
  extension: string | null;
}

export interface HuntGroupTable {
  id: string;
  location_id: string;
  name: string;
  phone_number: string | null;
  extension: string | null;
  /** How many agents answer it; null when not known (the Webex mirror; migration 0010). */
  agent_count: number | null;
}

export interface CallParkExtensionTable {
  id: string;
  location_id: string;
  name: string;
  name_key: string;
  extension: string;
  created_at: string;
  /** The location's name_key and name, kept in step by triggers: the list sorts by them through an index. */
  location_name_key: Generated<string>;
  location_name: Generated<string>;
}

/** The distinct name keys of call park extensions and how many hold each, kept by triggers (FTS5-indexed). */
export interface CallParkExtensionNameTable {
  id: Generated<number>;
  name_key: string;
  extensions: number;
}

/** How many times call park extensions were written: the sum of `changes` (kept by triggers, migration 0012). */
export interface CallParkExtensionChangesTable {
  id: Generated<number>;
  changes: number;
}

/** External-content FTS5 (trigram) index of call_park_extension_names.name_key; `rowid` is its id. */
export interface CallParkExtensionNameSearchTable {
  rowid: number;
  name_key: string;
  call_park_extension_names_search: string;
}

/** One row per extension in use: the database's own guard of the numbering plan. */
export interface LocationNumberTable {
  location_id: string;
  extension: string;
  owner_type: NumberOwnerType;
  owner_id: string;
}

export interface LocationCallParkSettingsTable {
  location_id: string;
  recall_option: RecallOption;
  recall_hunt_group_id: string | null;
  ring_pattern: RingPattern;
  recall_time: number;
  hunt_wait_time: number;
}

export interface CallParkTable {
  id: string;
  location_id: string;
  name: string;
  name_key: string;
  recall_option: RecallOption;
  recall_hunt_group_id: string | null;
  /** 0 or 1: SQLite has no boolean. */
  park_on_agents_enabled: number;
  created_at: string;
}

export interface CallParkAgentTable {
  call_park_id: string;
  member_id: string;
  position: number;
}

export interface CallParkDestinationTable {
  call_park_id: string;
  call_park_extension_id: string;
  position: number;
}

export type ImportJobMode = "partial" | "atomic";
export type ImportJobStatus = "STARTED" | "COMPLETED" | "FAILED";
export type ImportJobExitCode = "UNKNOWN" | "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED";
export type ImportRowOutcome = "CREATE" | "UPDATE" | "DELETE" | "UNCHANGED" | "ERROR";

export type ImportJobKind = "callParkExtensions" | "callParks";

/** A bulk import of call park extensions or groups; the counts move in the transactions that apply rows. */
export interface ImportJobTable {
  id: string;
  seq: number;
  file_name: string;
  mode: ImportJobMode;
  created_by: string;
  tracking_id: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  status: ImportJobStatus;
  exit_code: ImportJobExitCode;
  total: number;
  processed: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  deleted: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  created_by_id: string | null;
  /** JSON array of the location ids its rows may touch; null for every location. */
  location_scope: string | null;
  /** What its rows are: call park extensions or call park groups. */
  kind: Generated<ImportJobKind>;
}

/** One CSV row of a job: its cells (JSON), then its outcome and issues (JSON) once done. */
export interface ImportJobRowTable {
  job_id: string;
  item_number: number;
  row_values: string;
  state: Generated<"pending" | "done">;
  outcome: ImportRowOutcome | null;
  issues: string | null;
  /** Webex mode: when the row's upstream call was sent (committed before sending). */
  upstream_started_at: string | null;
  /** Webex mode: the id Webex gave the row's object. */
  upstream_id: string | null;
}

export interface AdminTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: AdminRole;
  password_hash: string;
  created_at: string;
}

export interface AdminLocationTable {
  admin_id: string;
  location_id: string;
}

export interface SessionTable {
  token_hash: string;
  admin_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  source_ip: string;
}

export interface AccessTokenTable {
  id: string;
  admin_id: string;
  name: string;
  token_hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AuditEventTable {
  id: string;
  seq: number;
  occurred_at: string;
  actor_id: string;
  actor_name: string;
  actor_email: string;
  source_ip: string;
  user_agent: string | null;
  action: AuditAction;
  object_type: AuditObjectType;
  object_id: string;
  /** The id the object had in its first entry: one history across the ids it has had (a renamed call park group's). */
  history_id: string;
  object_name: string;
  location_id: string | null;
  location_name: string | null;
  /** JSON of the values before and after the change. */
  before_values: string | null;
  after_values: string | null;
  task_id: string | null;
  tracking_id: string;
  /** Made in this app, or found by a Webex synchronisation (made outside it). */
  origin: Generated<AuditOrigin>;
}

export type AuditOrigin = "app" | "upstream";

/** Webex mode: what the gateway keeps between starts, by key. */
export interface GatewayStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Work one instance at a time may do, held until `expires_at` (ms since 1970; migration 0009). */
export interface LeaseTable {
  name: string;
  owner: string;
  expires_at: number;
}

/** A sign-in attempt the limiter let through and counts as a failure until it succeeds (migration 0009). */
export interface SignInAttemptTable {
  id: string;
  account: string;
  client: string;
  at: number;
}

export interface Database {
  organizations: OrganizationTable;
  locations: LocationTable;
  members: MemberTable;
  hunt_groups: HuntGroupTable;
  call_park_extensions: CallParkExtensionTable;
  call_park_extension_names: CallParkExtensionNameTable;
  call_park_extension_changes: CallParkExtensionChangesTable;
  call_park_extension_names_search: CallParkExtensionNameSearchTable;
  location_numbers: LocationNumberTable;
  location_call_park_settings: LocationCallParkSettingsTable;
  call_parks: CallParkTable;
  call_park_agents: CallParkAgentTable;
  call_park_destinations: CallParkDestinationTable;
  import_jobs: ImportJobTable;
  import_job_rows: ImportJobRowTable;
  admins: AdminTable;
  admin_locations: AdminLocationTable;
  sessions: SessionTable;
  access_tokens: AccessTokenTable;
  audit_events: AuditEventTable;
  gateway_state: GatewayStateTable;
  leases: LeaseTable;
  sign_in_attempts: SignInAttemptTable;
}
