import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { apiErrorResponse } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { mswPath } from "@/test/msw-path";
import { server } from "@/test/server";
import { ApiError, callApi, MAX_READ_RETRY_WAIT_SECONDS } from "./api-client";
import { EARLY_FETCHES } from "./early-fetch";
import { errorMessage } from "./error-message";
import { i18n } from "./i18n";

const organizations = { items: [{ id: "O1", displayName: "Acme", created: "2024-01-01T00:00:00.000Z" }] };

/** The server's 429: our Webex body (count = seconds) and Retry-After. */
const tooMany = (seconds: number) => {
  const response = apiErrorResponse(429, "tooManyRequests", { params: { count: seconds } });
  response.headers.set("retry-after", String(seconds));
  return response;
};

/** Answers `endpoint` with each of `answers` in turn (the last one repeats); counts the calls. */
function answering(method: "get" | "post", path: string, ...answers: (() => Response)[]) {
  const calls = { count: 0 };
  server.use(
    http[method](path, () => {
      const answer = answers[Math.min(calls.count, answers.length - 1)];
      calls.count += 1;
      return answer();
    }),
  );
  return calls;
}

const readOrganizations = (signal?: AbortSignal) => callApi(api.organizations.list, { signal });
const createExtension = () =>
  callApi(api.callParkExtensions.create, { params: { locationId: "L1" }, body: { name: "Lobby", extension: "7001" } });

/** Lets the request run (on real ticks: only setTimeout is faked) until it has set its wait. */
async function untilWaiting() {
  for (let tick = 0; vi.getTimerCount() === 0; tick++) {
    if (tick > 10_000) throw new Error("the client never started waiting");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("callApi on 429 Too Many Requests", () => {
  it("waits out Retry-After once on a read, then answers", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const calls = answering("get", mswPath(api.organizations.list), () => tooMany(2), () => HttpResponse.json(organizations));
    const answer = readOrganizations();
    await untilWaiting();
    expect(calls.count).toBe(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls.count).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).data).toEqual(organizations);
    expect(calls.count).toBe(2);
  });

  it("retries a read only once", async () => {
    const calls = answering("get", mswPath(api.organizations.list), () => tooMany(0));
    const error = await readOrganizations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "tooManyRequests", params: { count: 0 } });
    expect(calls.count).toBe(2);
  });

  it(`does not wait more than ${MAX_READ_RETRY_WAIT_SECONDS} seconds: a longer Retry-After reaches the screen at once`, async () => {
    const calls = answering("get", mswPath(api.organizations.list), () => tooMany(MAX_READ_RETRY_WAIT_SECONDS + 1));
    const error = await readOrganizations().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, params: { count: MAX_READ_RETRY_WAIT_SECONDS + 1 } });
    expect(calls.count).toBe(1);
  });

  it("never retries a write", async () => {
    const calls = answering("post", mswPath(api.callParkExtensions.create), () => tooMany(1), () => HttpResponse.json({ id: "X" }, { status: 201 }));
    const error = await createExtension().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "tooManyRequests", params: { count: 1 } });
    expect(calls.count).toBe(1);
  });

  it("stops waiting when the caller gives up", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const calls = answering("get", mswPath(api.organizations.list), () => tooMany(20), () => HttpResponse.json(organizations));
    const controller = new AbortController();
    const answer = readOrganizations(controller.signal).catch((e: unknown) => e);
    await untilWaiting();
    expect(calls.count).toBe(1);
    controller.abort();
    expect(await answer).toMatchObject({ name: "AbortError" });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.count).toBe(1);
  });

  it("reads the seconds from Retry-After when the refusal has no body (a proxy's)", async () => {
    answering("post", mswPath(api.callParkExtensions.create), () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "7" } }));
    const error = await createExtension().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "tooManyRequests", params: { count: 7 } });
  });
});

describe("the message for 429", () => {
  const refusal = (count?: number) => new ApiError(429, "tooManyRequests", "refused", count === undefined ? {} : { count });

  it("says how many seconds to wait, in the user's language", async () => {
    await setTestLanguage("en");
    expect(errorMessage(i18n.t, refusal(12))).toBe("Too many requests: try again in 12 seconds.");
    expect(errorMessage(i18n.t, refusal(1))).toBe("Too many requests: try again in 1 second.");
    expect(errorMessage(i18n.t, refusal())).toBe("Too many requests. Wait a moment and try again.");
    await setTestLanguage("pt-BR");
    expect(errorMessage(i18n.t, refusal(12))).toBe("Muitas solicitações: tente novamente em 12 segundos.");
    expect(errorMessage(i18n.t, refusal(1))).toBe("Muitas solicitações: tente novamente em 1 segundo.");
    expect(errorMessage(i18n.t, refusal())).toBe("Muitas solicitações. Aguarde um momento e tente novamente.");
    await setTestLanguage("en");
  });
});

describe("a response index.html's script asked for early (lib/early-fetch)", () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES];
  });

  it("answers the first read of its address from it, without a second request; later reads ask again", async () => {
    const path = mswPath(api.session.get);
    const calls = answering("get", path, () => HttpResponse.json({ from: "server" }));
    const url = urlOf(api.session.get);
    (window as unknown as Record<string, unknown>)[EARLY_FETCHES] = { [url]: Promise.resolve(Response.json({ from: "early" })) };

    expect((await callApi(api.session.get)).data).toEqual({ from: "early" });
    expect(calls.count).toBe(0);
    expect((await callApi(api.session.get)).data).toEqual({ from: "server" });
    expect(calls.count).toBe(1);
  });

  it("turns an early refusal into the same ApiError as a request of its own", async () => {
    const url = urlOf(api.session.get);
    (window as unknown as Record<string, unknown>)[EARLY_FETCHES] = { [url]: Promise.resolve(apiErrorResponse(401, "unauthorized")) };
    await expect(callApi(api.session.get)).rejects.toMatchObject({ status: 401, code: "unauthorized" });
  });
});
