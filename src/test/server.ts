import { setupServer } from "msw/node";
import { sessionHandler } from "./session";

/**
 * The one MSW server of the component tests; each test adds the answers it needs.
 * Every test starts signed in as a full administrator; `server.use(sessionHandler(role))`
 * signs in as another role.
 */
export const server = setupServer(sessionHandler());

/** Every request MSW sees, in order, so a test can assert what did (or did not) reach the API. */
export function recordRequests() {
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  return { requests };
}

