import type { AddressInfo } from "node:net";
import { API_BASE } from "@domain/api/endpoint";
import type { AppOptions } from "@server/app";
import type { Db } from "@server/db/database";
import { listManagedOrganizations } from "@server/features/organizations/organizations.service";
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "./test-server";

// A stand-in for Webex: this project's own server (it speaks the public Webex API), on a
// fresh in-memory database seeded with the demo organisation, listening on a real port so
// the gateway's client talks HTTP to it as it would to webexapis.com.

export interface StandIn {
  /** "http://127.0.0.1:PORT/v1", as WEBEX_API_URL would be. */
  url: string;
  db: Db;
  app: TestServer["app"];
  /** The bearer it takes (its ADMIN_TOKEN: the demo full administrator). */
  token: string;
  /** The seeded organisation's id (Webex's orgId). */
  orgId: string;
  close(): Promise<void>;
}

export async function startStandIn(options: Partial<AppOptions> = {}): Promise<StandIn> {
  const server = await startTestServer(options);
  try {
    await server.app.listen({ host: "127.0.0.1", port: 0 });
  } catch (error) {
    await server.close();
    throw error;
  }
  const { port } = server.app.server.address() as AddressInfo;
  const [organization] = await listManagedOrganizations(server.db);
  return {
    url: `http://127.0.0.1:${port}${API_BASE}`,
    db: server.db,
    app: server.app,
    token: TEST_ADMIN_TOKEN,
    orgId: organization.id,
    close: () => server.close(),
  };
}
