import { act, screen } from "@testing-library/react";
import { Link, Outlet, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { renderRoutes } from "@/test/render";
import { useNavigationPending } from "./history-router";
import type { AppRoute, LoaderArgs } from "./route-view";

/** A load the test settles by hand, recording what each call was given. */
function heldLoad() {
  const calls: LoaderArgs[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const load = (args: LoaderArgs) => {
    calls.push(args);
    return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { load, calls, settle: () => act(async () => pending.shift()?.resolve()), fail: (error: Error) => act(async () => pending.shift()?.reject(error)) };
}

function Layout() {
  const pending = useNavigationPending();
  const { search } = useLocation();
  return (
    <main aria-busy={pending}>
      <nav>
        <Link to="/a">A</Link> <Link to="/b">B</Link> <Link to="/b?q=park">B for park</Link>
      </nav>
      <p>search: {search}</p>
      <Outlet />
    </main>
  );
}

function routesWith(b: AppRoute["load"]): AppRoute[] {
  return [
    {
      path: "/",
      element: <Layout />,
      children: [
        { path: "a", element: <h1>Page A</h1> },
        { path: "b", element: <h1>Page B</h1>, load: b },
      ],
    },
  ];
}

describe("a route's load", () => {
  it("shows the screen before it, busy, until the new location's load settles, then the new screen", async () => {
    const b = heldLoad();
    const { user, history } = renderRoutes(routesWith(b.load), "/a");
    await user.click(await screen.findByRole("link", { name: "B" }));
    expect(history.location.pathname).toBe("/b");
    expect(screen.getByRole("heading", { name: "Page A" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");

    await b.settle();
    expect(await screen.findByRole("heading", { name: "Page B" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
  });

  it("is given the address's parameters and search, and runs again for a new search, once each", async () => {
    const b = heldLoad();
    const { user } = renderRoutes(routesWith(b.load), "/b");
    await b.settle();
    expect(await screen.findByRole("heading", { name: "Page B" })).toBeInTheDocument();
    expect(b.calls).toHaveLength(1);

    await user.click(screen.getByRole("link", { name: "B for park" }));
    expect(b.calls).toHaveLength(2);
    expect(b.calls[1].url.pathname).toBe("/b");
    expect(b.calls[1].url.searchParams.get("q")).toBe("park");
    // The old search stays on screen until the load for the new one settles.
    expect(screen.getByText("search:", { exact: true })).toBeInTheDocument();
    await b.settle();
    expect(await screen.findByText("search: ?q=park")).toBeInTheDocument();
    expect(b.calls).toHaveLength(2);
  });

  it("puts its error on the error page, in place of the app, until another location is shown", async () => {
    const b = heldLoad();
    const { history } = renderRoutes(routesWith(b.load), "/b");
    await b.fail(new Error("The server is down"));
    expect(await screen.findByRole("alert")).toHaveTextContent("The server is down");
    expect(screen.queryByRole("main")).toBeNull();

    act(() => history.push("/a"));
    expect(await screen.findByRole("heading", { name: "Page A" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("lets a later navigation overtake one still loading", async () => {
    const b = heldLoad();
    const { user } = renderRoutes(routesWith(b.load), "/a");
    await user.click(await screen.findByRole("link", { name: "B" }));
    await user.click(screen.getByRole("link", { name: "A" }));
    await b.settle();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
    expect(screen.getByRole("heading", { name: "Page A" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Page B" })).toBeNull();
  });
});
