import { type Endpoint, routePattern } from "@domain/api/endpoint";

/** An endpoint's address as MSW matches it (any origin, then `/v1/locations/:locationId`), from `domain/api`. */
export function mswPath(e: Endpoint): string {
  return `*${routePattern(e)}`;
}
