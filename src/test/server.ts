import { setupServer } from "msw/node";
import { gatewayStatusHandler, sessionHandler } from "./session";

/**
 * The one MSW server of the component tests; each test adds the answers it needs.
 * Every test starts signed in as a full administrator of a standalone server;
 * `server.use(sessionHandler(role))` signs in as another role, `server.use(gatewayStatusHandler(status))`
 * puts the server in Webex mode.
 */
export const server = setupServer(sessionHandler(), gatewayStatusHandler());

/** Every request MSW sees, in order, so a test can assert what did (or did not) reach the API. */
export function recordRequests() {
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  return { requests };
}

