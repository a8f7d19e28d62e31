import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateAfterWrite } from "./invalidate-after-write";

// The flake this fixes (e2e roles.spec): a search's list was being read by the route's loader
// when a delete committed; the read answered the row, and its answer counted as fresh.
describe("invalidateAfterWrite", () => {
  it("reads again a query nobody watches yet whose read started before the write", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
    let database = ["Dock 1"];
    const releases: (() => void)[] = [];
    const queryFn = () => {
      const answer = [...database];
      return new Promise<string[]>((resolve) => releases.push(() => resolve(answer)));
    };
    const loading = client.fetchQuery({ queryKey: ["callParkExtensions", "list", { q: "dock" }], queryFn });
    // The delete commits while that read is under way; then the write's invalidation.
    database = [];
    const invalidated = invalidateAfterWrite(client, ["callParkExtensions"]);
    await Promise.resolve();
    releases.splice(0).forEach((release) => release());
    await loading.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases.splice(0).forEach((release) => release());
    await invalidated;
    expect(client.getQueryData(["callParkExtensions", "list", { q: "dock" }])).toEqual([]);
  });
});
