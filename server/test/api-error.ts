import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { type ApiErrorBody, apiErrorBodySchema } from "@domain/schemas/api-error";
import { ERROR_CATALOG, type ErrorKey } from "@server/http/errors";

/**
 * Asserts the Webex error shape every refusal must have: status, JSON body with
 * message, errors[{description, errorCode}] and trackingId, and the trackingid header.
 */
export function expectApiError(res: LightMyRequestResponse, key: ErrorKey): ApiErrorBody {
  const { status, errorCode } = ERROR_CATALOG[key];
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const parsed = apiErrorBodySchema.safeParse(res.json());
  expect(parsed.error?.issues ?? []).toEqual([]);
  const body = parsed.data as ApiErrorBody;
  expect(body.code).toBe(key);
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.errors).toEqual([{ description: body.message, errorCode }]);
  expect(body.trackingId).toMatch(/^CPA_[0-9a-f-]{36}$/);
  expect(res.headers.trackingid).toBe(body.trackingId);
  return body;
}
