import { describe, expect, it } from "vitest";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { abilityOf, safeNext, signInUrl, withGateway } from "./session";

const me = (role: "FULL_ADMIN" | "READ_ONLY_ADMIN" | "LOCATION_ADMIN", locationIds: string[] = []) => ({
  id: "P1",
  emails: ["a@example.com"],
  displayName: "A",
  orgId: "ORG1",
  role,
  locationIds,
});

describe("session helpers", () => {
  it("answers what each role may do, and nothing before the session is known", () => {
    expect(abilityOf(undefined).canWrite()).toBe(false);
    expect(abilityOf(me("FULL_ADMIN")).canWrite("L9")).toBe(true);
    expect(abilityOf(me("READ_ONLY_ADMIN")).canWrite()).toBe(false);
    expect(abilityOf(me("READ_ONLY_ADMIN")).canImport).toBe(false);
    expect(abilityOf(me("LOCATION_ADMIN", ["L1"])).canWrite("L1")).toBe(true);
    expect(abilityOf(me("LOCATION_ADMIN", ["L1"])).canWrite("L2")).toBe(false);
  });

  it("in Webex mode, a token lacking a scope makes every administrator read-only; otherwise the role decides", () => {
    const gateway = (overrides: Partial<GatewayStatus>): GatewayStatus => ({
      mode: "webex",
      missingScopes: [],
      readOnly: false,
      syncing: false,
      ...overrides,
    });
    const readOnly = gateway({ readOnly: true, missingScopes: ["spark-admin:telephony_config_write"] });
    const full = abilityOf(me("FULL_ADMIN"));
    const location = abilityOf(me("LOCATION_ADMIN", ["L1"]));

    expect(withGateway(full, readOnly).canWrite()).toBe(false);
    expect(withGateway(full, readOnly).canWrite("L9")).toBe(false);
    expect(withGateway(full, readOnly).canImport).toBe(false);
    expect(withGateway(location, readOnly).canWrite("L1")).toBe(false);
    // Reading is untouched.
    expect(withGateway(location, readOnly).canSeeLocation("L1")).toBe(true);
    expect(withGateway(full, readOnly).me?.role).toBe("FULL_ADMIN");

    for (const status of [undefined, gateway({}), { ...readOnly, mode: "standalone" as const }]) {
      expect(withGateway(full, status).canWrite("L9")).toBe(true);
      expect(withGateway(full, status).canImport).toBe(true);
      expect(withGateway(location, status).canWrite("L1")).toBe(true);
    }
  });

  it("only ever sends the user back to a path of this app", () => {
    expect(safeNext("/tasks?x=1")).toBe("/tasks?x=1");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext(null)).toBe("/");
    expect(signInUrl("/tasks")).toBe("/sign-in?next=%2Ftasks");
    expect(signInUrl("/")).toBe("/sign-in");
  });

  it.each([
    ["NUL", "/tasks\u0000"],
    ["a newline", "/tasks\nSet-Cookie: x=1"],
    ["a carriage return", "/tasks\r"],
    ["ESC", "/tasks\u001b[31m"],
    ["a tab, which URL parsing drops to make //evil.example", "/\t/evil.example"],
    ["a newline, which URL parsing drops to make //evil.example", "/\n/evil.example"],
    ["DEL", "/tasks\u007f"],
    ["a C1 control (NEL)", "/tasks\u0085"],
    ["a line separator", "/tasks\u2028"],
    ["a paragraph separator", "/tasks\u2029"],
    ["a percent-encoded newline", "/tasks%0a"],
    ["a percent-encoded NUL", "/tasks?q=%00"],
  ])("treats a next with %s as unsafe: home", (_label, next) => {
    expect(safeNext(next)).toBe("/");
  });

  it.each([
    ["a stray percent sign", "/tasks%"],
    ["a percent sign without hex digits", "/tasks%zz"],
    ["a truncated UTF-8 sequence", "/tasks?q=%E0%A4%A"],
    ["an invalid UTF-8 byte", "/tasks%FF"],
    ["invalid UTF-8 in the parameter itself, decoded to U+FFFD", new URLSearchParams("next=%2Ftasks%FF").get("next")],
  ])("treats a next with invalid percent-encoding (%s) as unsafe: home", (_label, next) => {
    expect(() => safeNext(next)).not.toThrow();
    expect(safeNext(next)).toBe("/");
  });

  it("keeps a percent-encoded path and query as they are, and encodes what is not", () => {
    expect(safeNext("/locations?name=S%C3%A3o%20Paulo")).toBe("/locations?name=S%C3%A3o%20Paulo");
    expect(safeNext("/call-park-extensions?q=50%25")).toBe("/call-park-extensions?q=50%25");
    expect(safeNext("/locations?name=São")).toBe("/locations?name=S%C3%A3o");
    expect(safeNext("/駐車場")).toBe("/%E9%A7%90%E8%BB%8A%E5%A0%B4");
  });
});
