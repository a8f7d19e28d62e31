import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "./server";

// findBy/waitFor wait on state and return as soon as it shows; the ceiling is generous so that
// debounced checks (250 ms) plus a mocked round trip never race it on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());

// jsdom has no EventSource (the Parked calls board's live feed). A screen that opens one in a
// test about something else gets one that stays connecting; the board's own tests put in a
// stand-in they drive.
class SilentEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly withCredentials = false;
  constructor(readonly url: string | URL) {
    super();
  }
  close() {
    this.readyState = 2;
  }
}
if (!("EventSource" in globalThis)) Object.assign(globalThis, { EventSource: SilentEventSource });
