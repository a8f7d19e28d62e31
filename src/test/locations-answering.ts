import { http, HttpResponse } from "msw";
import { api } from "@domain/api/endpoints";
import { LOCATIONS } from "./fixtures";
import { mswPath } from "./msw-path";
import { server } from "./server";

/**
 * The locations list answered as the server does (the names containing `name`, one `id`, a
 * page of `max`, the total in X-Total-Count), over the test fixtures' locations; each query
 * asked is kept, in order, in the array returned.
 */
export function locationsAnswering(): URLSearchParams[] {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.locations.list), ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const name = query.get("name")?.toLowerCase();
      const found = LOCATIONS.filter((l) => (!name || l.name.toLowerCase().includes(name)) && (!query.get("id") || l.id === query.get("id")));
      return HttpResponse.json({ items: found.slice(0, Number(query.get("max"))) }, { headers: { "X-Total-Count": String(found.length) } });
    }),
  );
  return queries;
}
