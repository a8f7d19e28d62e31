import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { WEBEX_SCOPES } from "@domain/schemas/gateway-status";
import { HttpError } from "@server/http/errors";
import { type StandIn, startStandIn } from "@server/test/standin";
import { locationIdOf } from "@server/test/test-server";
import { expectPublicWebexCalls } from "@server/test/upstream-spec";
import { staticToken } from "./credentials";
import { Upstream, type UpstreamCall, UpstreamError } from "./upstream";
import { toHttpError } from "./upstream-errors";

// Upstream failures as this API answers them. The refusals of this project's own server
// (the stand-in) come back as its own errors, in the admin's language, with their params.

const webexBody = (message: string) => ({ message, errors: [{ description: message }], trackingId: "WEBEX_tracking_1" });
const failure = (kind: UpstreamError["kind"], details: Partial<ConstructorParameters<typeof UpstreamError>[1]> = {}) =>
  new UpstreamError(kind, { message: `GET /x: ${kind}`, ...details });

describe("toHttpError", () => {
  it("maps each kind onto the catalogue", () => {
    expect(toHttpError(failure("credential"))).toMatchObject({ key: "upstreamCredential", status: 503 });
    expect(toHttpError(failure("unavailable"))).toMatchObject({ key: "upstreamUnavailable", status: 503 });
    expect(toHttpError(failure("unclear"))).toMatchObject({ key: "upstreamUnclear", status: 503 });
    expect(toHttpError(failure("forbidden", { status: 403 }))).toMatchObject({ key: "upstreamScopeMissing", status: 403, params: { scope: WEBEX_SCOPES.write } });
    expect(toHttpError(failure("forbidden"), { scope: WEBEX_SCOPES.read }).params).toEqual({ scope: WEBEX_SCOPES.read });
    expect(toHttpError(failure("notFound", { status: 404 }))).toMatchObject({ key: "upstreamNotFound", status: 404 });
    expect(toHttpError(failure("notFound"), { notFound: "callParkNotFound" })).toMatchObject({ key: "callParkNotFound", status: 404 });
  });

  it("quotes Webex's words and tracking id for a refusal: 409 a conflict, another 4xx refused", () => {
    const conflict = failure("refused", { status: 409, upstreamMessage: "Name already in use", upstreamTrackingId: "WEBEX_tracking_1", body: webexBody("Name already in use") });
    expect(toHttpError(conflict)).toMatchObject({ key: "upstreamConflict", status: 409, params: { upstreamMessage: "Name already in use", upstreamTrackingId: "WEBEX_tracking_1" } });
    const refused = failure("refused", { status: 400, upstreamMessage: "Invalid extension", upstreamTrackingId: "WEBEX_tracking_2" });
    expect(toHttpError(refused)).toMatchObject({ key: "upstreamRefused", status: 400, params: { upstreamMessage: "Invalid extension", upstreamTrackingId: "WEBEX_tracking_2" } });
  });

  it("does not re-raise a generic code, nor one whose status disagrees", () => {
    const generic = { ...webexBody("Bad request"), code: "badRequest" };
    expect(toHttpError(failure("refused", { status: 400, upstreamMessage: "Bad request", body: generic })).key).toBe("upstreamRefused");
    const validation = { ...webexBody("Invalid"), code: "validation", issues: [{ path: ["name"], code: "tooLong" }] };
    expect(toHttpError(failure("refused", { status: 400, body: validation })).key).toBe("upstreamRefused");
    const mismatched = { ...webexBody("Taken"), code: "extensionTaken" };
    expect(toHttpError(failure("refused", { status: 400, body: mismatched })).key).toBe("upstreamRefused");
    const unknown = { ...webexBody("Odd"), code: "somethingElse" };
    expect(toHttpError(failure("refused", { status: 409, body: unknown })).key).toBe("upstreamConflict");
  });
});

describe("a refusal of the stand-in (this project's own server)", () => {
  let standIn: StandIn;
  const calls: UpstreamCall[] = [];

  beforeAll(async () => {
    standIn = await startStandIn();
  });

  afterAll(async () => {
    await standIn?.close();
  });

  it("comes back as its own error with its params: extensionTaken", async () => {
    const upstream = new Upstream({ baseUrl: standIn.url, tokens: staticToken(standIn.token), orgId: standIn.orgId, onCall: (c) => calls.push(c) });
    const locationId = await locationIdOf(standIn.db, "San Jose HQ");
    const error = await upstream
      .call(api.callParkExtensions.create, { params: { locationId }, body: { name: "Taken extension", extension: "5001" } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(UpstreamError);
    const upstreamError = error as UpstreamError;
    expect(upstreamError).toMatchObject({ kind: "refused", status: 409, body: { code: "extensionTaken" } });
    expect(upstreamError.upstreamTrackingId).toMatch(/^CPA_GW_/);

    const http = toHttpError(upstreamError);
    expect(http).toBeInstanceOf(HttpError);
    expect(http.key).toBe("extensionTaken");
    expect(http.status).toBe(409);
    expect(http.params).toEqual((upstreamError.body as { params: unknown }).params);
    expect(http.params).toMatchObject({ extension: "5001" });
  });

  it("made only public Webex calls", (context) => {
    expect(calls).toHaveLength(1);
    expectPublicWebexCalls(calls, context);
  });
});
