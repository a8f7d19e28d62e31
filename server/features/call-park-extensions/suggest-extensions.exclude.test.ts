import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { SUGGEST_EXCLUDE_MAX, suggestExtensionsResultSchema } from "@domain/schemas/extension-suggestions";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { suggestExtensions } from "./call-park-extensions.suggest";

// `exclude`: extensions to leave out besides the taken ones, for a bulk import's preview to
// offer none of those its other rows are about to create. The seeded San Jose HQ holds people
// at 1001–1036 (so near 1002 the free ones are 1000, 1037, 1038, 1039…).
const server = useTestServer("each");
let locationId: string;

beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
});

function suggest(payload: unknown) {
  return server.app.inject({
    method: "POST",
    url: urlOf(api.callParkExtensions.suggestExtensions, { locationId }),
    payload: payload as object,
  });
}

async function suggested(payload: unknown) {
  const res = await suggest(payload);
  expect(res.statusCode, res.body).toBe(200);
  return suggestExtensionsResultSchema.parse(res.json()).extensions;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe("POST …/actions/suggestExtensions/invoke with exclude", () => {
  it("leaves the excluded extensions out, answering the next nearest free ones instead", async () => {
    expect(await suggested({ near: "1002" })).toEqual(["1000", "1037", "1038"]);
    expect(await suggested({ near: "1002", exclude: ["1037", "1000"] })).toEqual(["1038", "1039", "1040"]);
    expect(await suggested({ near: "7000", count: 4, exclude: ["7001", "6998"] })).toEqual(["6999", "7002", "6997", "7003"]);
  });

  it("answers as without it when the list is empty, or holds only taken ones, near itself or other lengths", async () => {
    const plain = await suggested({ near: "1002" });
    expect(await suggested({ near: "1002", exclude: [] })).toEqual(plain);
    expect(await suggested({ near: "1002", exclude: ["1002", "1003", "1036", "100", "10000", "01037"] })).toEqual(plain);
  });

  it("takes the extensions trimmed, as the other fields", async () => {
    expect(await suggested({ near: "1002", exclude: [" 1037 "] })).toEqual(["1000", "1038", "1039"]);
  });

  it("goes on past a batch that is all excluded, and counts the excluded among the candidates scanned", async () => {
    // The 200 candidates nearest to 7000 (6900–7100 but 7000) all excluded: two batches of 100 asked nothing.
    const exclude = range(6900, 7100);
    expect(await suggestExtensions(server.db, locationId, "7000", 2, { batchSize: 100, exclude })).toEqual({ extensions: ["6899", "7101"] });
    expect(await suggestExtensions(server.db, locationId, "7000", 2, { batchSize: 100, scanMax: 200, exclude })).toEqual({ extensions: [] });
  });

  it("takes up to 1,000 of them", async () => {
    const exclude = range(7001, 7000 + SUGGEST_EXCLUDE_MAX);
    expect(exclude).toHaveLength(1000);
    expect(await suggested({ near: "7000", count: 2, exclude })).toEqual(["6999", "6998"]);
  });

  it.each([
    ["1,001 of them", { exclude: range(7001, 8001) }, ["exclude"], "tooBig"],
    ["a list as text", { exclude: "1037" }, ["exclude"], "invalidType"],
    ["a null list", { exclude: null }, ["exclude"], "invalidType"],
    ["one with a letter", { exclude: ["1037", "10a8"] }, ["exclude", 1], "extensionDigits"],
    ["one of one digit", { exclude: ["1"] }, ["exclude", 0], "extensionLength"],
    ["one of eleven digits", { exclude: ["12345678901"] }, ["exclude", 0], "extensionLength"],
    ["an empty one", { exclude: [""] }, ["exclude", 0], "required"],
    ["one as a number", { exclude: [1037] }, ["exclude", 0], "invalidType"],
  ])("refuses %s with 400 on its field", async (_label, payload, path, code) => {
    const body = expectApiError(await suggest({ near: "1002", ...payload }), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path, code })]);
  });

  it("says the most it takes", async () => {
    const body = expectApiError(await suggest({ near: "1002", exclude: range(7001, 8001) }), "validation");
    expect(body.issues).toEqual([{ path: ["exclude"], code: "tooBig", params: { max: 1000 } }]);
  });
});
