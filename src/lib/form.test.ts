import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  type CallParkExtensionForm,
  callParkExtensionFormSchema,
  callParkExtensionCreateSchema,
} from "@domain/schemas/call-park-extension";
import { applyServerIssues, contractResolver, decodeFieldError, encodeFieldIssue } from "./form";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<never>;

async function resolve<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(schema: S, values: unknown) {
  return contractResolver(schema)(values as never, undefined, options as never);
}

function decodedErrors(errors: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, error]) => {
      const { type, message } = error as { type?: string; message?: string };
      return message === undefined
        ? [field, decodedErrors(error as Record<string, unknown>)]
        : [field, { type, ...decodeFieldError(message) }];
    }),
  );
}

describe("contractResolver", () => {
  it("encodes each field's failure as the { code, params } the API would send", async () => {
    const { values, errors } = await resolve(callParkExtensionFormSchema, {
      locationId: "",
      name: "x".repeat(31),
      extension: "12a",
    });
    expect(values).toEqual({});
    expect(Object.keys(errors).sort()).toEqual(["extension", "locationId", "name"]);
    expect(decodedErrors(errors)).toMatchObject({
      locationId: { type: "locationRequired", code: "locationRequired" },
      name: { type: "tooLong", code: "tooLong", params: { max: 30 } },
      extension: { type: "extensionDigits", code: "extensionDigits" },
    });
  });

  it("keeps the extension's length bounds as parameters", async () => {
    const { errors } = await resolve(callParkExtensionFormSchema, { locationId: "L1", name: "Park", extension: "7" });
    expect(decodedErrors(errors)).toEqual({
      extension: { type: "extensionLength", code: "extensionLength", params: { min: 2, max: 10 } },
    });
  });

  it("returns the contract's output on success: trimmed and NFC-composed", async () => {
    const { values, errors } = await resolve(callParkExtensionFormSchema, {
      locationId: "L1",
      name: "  Sa\u0303o Paulo lobby ",
      extension: " 1001 ",
    });
    expect(errors).toEqual({});
    expect(values).toEqual({ locationId: "L1", name: "São Paulo lobby", extension: "1001" });
  });

  it("nests array and object paths, keeping the first failure of a field", async () => {
    const schema = z.object({
      people: z.array(z.object({ name: z.string().max(3, { error: "tooLong" }) })),
      title: z.string().min(2, { error: "tooShort" }).max(3, { error: "tooLong" }).regex(/^a/, { error: "invalidValue" }),
    });
    const { errors } = await resolve(schema, { people: [{ name: "ok" }, { name: "toolong" }], title: "b" });
    expect(decodedErrors(errors)).toEqual({
      people: { 1: { name: { type: "tooLong", code: "tooLong", params: { max: 3 } } } },
      title: { type: "tooShort", code: "tooShort", params: { min: 2 } },
    });
  });

  it("puts a failure of the whole object under root", async () => {
    const { errors } = await resolve(callParkExtensionCreateSchema, { name: "Park", extension: "1001", colour: "red" });
    expect(decodedErrors(errors)).toEqual({
      root: { type: "unknownField", code: "unknownField", params: { keys: "colour" } },
    });
  });
});

describe("applyServerIssues", () => {
  const FIELDS = ["locationId", "name", "extension"] as const;

  it("places issues on the form's own fields only, focusing the first", () => {
    const setError = vi.fn();
    const placed = applyServerIssues<CallParkExtensionForm>(
      [
        { path: ["orgId"], code: "invalidValue" },
        { path: ["locationId"], code: "locationFull", params: { max: 100 } },
        { path: [], code: "unknownField", params: { keys: "colour" } },
        { path: ["extension"], code: "extensionTaken", params: { extension: "1001" } },
      ],
      setError,
      FIELDS,
    );
    expect(placed).toBe(true);
    expect(setError.mock.calls).toEqual([
      [
        "locationId",
        { type: "locationFull", message: encodeFieldIssue({ code: "locationFull", params: { max: 100 } }) },
        { shouldFocus: true },
      ],
      [
        "extension",
        { type: "extensionTaken", message: encodeFieldIssue({ code: "extensionTaken", params: { extension: "1001" } }) },
        { shouldFocus: false },
      ],
    ]);
    expect(decodeFieldError(setError.mock.calls[0][1].message)).toEqual({ code: "locationFull", params: { max: 100 } });
  });

  it("joins nested paths with dots before matching", () => {
    const setError = vi.fn();
    expect(applyServerIssues([{ path: ["address", "city"], code: "required" }], setError, ["address.city"])).toBe(true);
    expect(setError).toHaveBeenCalledWith("address.city", expect.objectContaining({ type: "required" }), {
      shouldFocus: true,
    });
  });

  it("puts an issue on a list's item on that item, and nothing deeper", () => {
    const setError = vi.fn();
    const issues = [
      { path: ["agents", 2], code: "memberInOtherGroup" as const },
      { path: ["agents", "x"], code: "invalidValue" as const },
      { path: ["agents", 2, "id"], code: "invalidType" as const },
    ];
    expect(applyServerIssues(issues, setError, ["agents"])).toBe(true);
    expect(setError.mock.calls.map(([name]) => name)).toEqual(["agents.2"]);
  });

  it("reports that nothing landed when no issue names a field of the form", () => {
    const setError = vi.fn();
    expect(applyServerIssues([{ path: ["orgId"], code: "invalidValue" }], setError, FIELDS)).toBe(false);
    expect(applyServerIssues([], setError, FIELDS)).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});

describe("decodeFieldError", () => {
  it("reads back what was encoded, and ignores anything else", () => {
    expect(decodeFieldError(encodeFieldIssue({ code: "tooLong", params: { max: 30 } }))).toEqual({
      code: "tooLong",
      params: { max: 30 },
    });
    expect(decodeFieldError(undefined)).toBeUndefined();
    expect(decodeFieldError("")).toBeUndefined();
    expect(decodeFieldError("not json")).toBeUndefined();
  });
});
