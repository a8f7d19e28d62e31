import { setupServer } from "msw/node";

/** The one MSW server of the component tests; each test adds the answers it needs. */
export const server = setupServer();

/** Every request MSW sees, in order, so a test can assert what did (or did not) reach the API. */
export function recordRequests() {
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  return { requests };
}
