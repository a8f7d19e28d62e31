import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import type { Db } from "@server/db/database";
import type { TestServer } from "@server/test/test-server";

export async function getSettings(server: TestServer, locationId: string): Promise<CallParkSettings> {
  const res = await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId }) });
  if (res.statusCode !== 200) throw new Error(`GET settings: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function putSettings(server: TestServer, locationId: string, body: unknown, headers: Record<string, string> = {}) {
  return server.app.inject({
    method: "PUT",
    url: urlOf(api.callParkSettings.update, { locationId }),
    headers: { "content-type": "application/json", ...headers },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The location's row as stored, read straight from its table. */
export function storedRow(db: Db, locationId: string) {
  return db.selectFrom("location_call_park_settings").selectAll().where("location_id", "=", locationId).executeTakeFirst();
}
