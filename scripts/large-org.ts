import { buildOrganization, DEMO_LOCATIONS } from "@server/db/seed";

/** An organisation of `locations` locations, each with `perLocation` call park extensions. */
export function buildLargeOrganization(locations: number, perLocation: number) {
  const template = DEMO_LOCATIONS;
  return buildOrganization({
    locations: Array.from({ length: locations }, (_, i) => ({
      ...template[i % template.length],
      name: `${template[i % template.length].name} ${String(i + 1).padStart(4, "0")}`,
    })),
    peoplePerLocation: 20,
    callParkExtensionsPerLocation: perLocation,
  });
}

/** The benchmarks' ADMIN_TOKEN, and the header that sends it. */
export const BENCH_TOKEN = "bench-admin-token-not-a-secret";
export const asAdmin = { authorization: `Bearer ${BENCH_TOKEN}` };
