import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { locationListSchema, organizationListSchema } from "@domain/schemas/location";
import { useTestServer } from "@server/test/test-server";

const server = useTestServer("all");

describe("GET /organizations", () => {
  it("lists the one demo organisation, in the Webex shape", async () => {
    const res = await server.app.inject({ url: urlOf(api.organizations.list) });
    expect(res.statusCode).toBe(200);
    expect(res.headers.trackingid).toMatch(/^CPA_/);
    const { items } = organizationListSchema.parse(res.json());
    expect(items).toEqual([{ id: expect.any(String), displayName: "Acme Telecom", created: "2026-01-05T09:00:00.000Z" }]);
    expect(Buffer.from(items[0].id, "base64url").toString()).toMatch(/^ciscospark:\/\/us\/ORGANIZATION\//);
  });

  it("is the organisation every location belongs to", async () => {
    const org = organizationListSchema.parse((await server.app.inject({ url: urlOf(api.organizations.list) })).json());
    const locations = locationListSchema.parse((await server.app.inject({ url: urlOf(api.locations.list) })).json());
    expect(locations.items.length).toBeGreaterThan(0);
    expect(locations.items.every((l) => l.orgId === org.items[0].id)).toBe(true);
  });
});
