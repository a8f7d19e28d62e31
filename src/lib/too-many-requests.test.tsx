import { QueryClientProvider, useMutation, useQuery } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { ErrorState } from "@/components/states";
import { apiErrorResponse } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { callApi } from "./api-client";
import { queryClient as appQueryClient } from "./query-client";
import { toastQueue } from "./toast";

// What an administrator sees when the server's API rate limit (API_RATE_LIMIT) refuses a request.

const tooMany = (seconds: number) => {
  const response = apiErrorResponse(429, "tooManyRequests", { params: { count: seconds } });
  response.headers.set("retry-after", String(seconds));
  return response;
};

function Organizations() {
  const query = useQuery({ queryKey: ["organizations"], queryFn: ({ signal }) => callApi(api.organizations.list, { signal }) });
  if (query.isError) return <ErrorState error={query.error} />;
  return <p>{query.data?.data.items.map((o) => o.displayName).join(", ")}</p>;
}

function AddExtension() {
  const add = useMutation({
    mutationFn: () => callApi(api.callParkExtensions.create, { params: { locationId: "L1" }, body: { name: "Lobby", extension: "7001" } }),
  });
  return (
    <button type="button" onClick={() => add.mutate()}>
      Add
    </button>
  );
}

describe("a screen refused for too many requests", () => {
  afterEach(() => {
    appQueryClient.clear();
    toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key));
  });

  it("loads anyway when the wait is short: the read is retried once", async () => {
    let calls = 0;
    server.use(
      http.get(mswPath(api.organizations.list), () =>
        calls++ === 0 ? tooMany(0) : HttpResponse.json({ items: [{ id: "O1", displayName: "Acme", created: "2024-01-01T00:00:00.000Z" }] }),
      ),
    );
    await renderWithProviders(<Organizations />);
    expect(await screen.findByText("Acme")).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it.each([
    ["en", "Too many requests: try again in 45 seconds."],
    ["pt-BR", "Muitas solicitações: tente novamente em 45 segundos."],
  ] as const)("says how long to wait when the wait is long (%s)", async (language, message) => {
    server.use(http.get(mswPath(api.organizations.list), () => tooMany(45)));
    await renderWithProviders(<Organizations />, { language });
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
  });

  it("does not repeat a change: the toast says how long to wait", async () => {
    await setTestLanguage("en");
    const { requests } = recordRequests();
    server.use(http.post(mswPath(api.callParkExtensions.create), () => tooMany(12)));
    render(
      <QueryClientProvider client={appQueryClient}>
        <AddExtension />
      </QueryClientProvider>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(toastQueue.visibleToasts.map((toast) => toast.content.title)).toEqual(["Too many requests: try again in 12 seconds."]));
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});
