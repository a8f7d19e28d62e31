import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { queryClient as appQueryClient } from "@/lib/query-client";
import { mayBeSignedIn, rememberSignedIn, sessionQuery } from "@/lib/session";
import { toastQueue } from "@/lib/toast";
import { apiErrorResponse } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { testSession } from "@/test/session";
import SignInRoute, { loader } from "./sign-in-route";

/** api.session.signIn answering with `answer` (by default a new session); keeps what was sent. */
function signInAnswering(answer: () => Response = () => HttpResponse.json(testSession(), { status: 201 })) {
  const sent: unknown[] = [];
  server.use(
    http.post(mswPath(api.session.signIn), async ({ request }) => {
      sent.push(await request.json());
      return answer();
    }),
  );
  return sent;
}

const renderSignIn = (search = "", language: "en" | "pt-BR" = "en") =>
  renderWithProviders(<SignInRoute />, { url: `/sign-in${search}`, path: "/sign-in", language });

async function fillIn(user: ReturnType<typeof userEvent.setup>, email = "Admin@Acme.example", password = "secret") {
  await user.type(screen.getByLabelText("Email address"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("Sign-in page", () => {
  it("signs in, keeps the session and goes on to next", async () => {
    const sent = signInAnswering();
    const { user, router, queryClient } = await renderSignIn("?next=%2Flocations%3Fname%3DSP");
    expect(screen.getByRole("main")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toHaveFocus();
    expect(screen.getByLabelText("Email address")).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Password")).toHaveAttribute("autocomplete", "current-password");

    await fillIn(user);

    await waitFor(() => expect(router.state.location.pathname).toBe("/locations"));
    expect(router.state.location.search).toBe("?name=SP");
    expect(sent).toEqual([{ email: "admin@acme.example", password: "secret" }]);
    expect(queryClient.getQueryData(sessionQuery().queryKey)).toEqual(testSession());
  });

  it("never follows a next that leads to another site", async () => {
    signInAnswering();
    const { user, router } = await renderSignIn("?next=%2F%2Fevil.example%2Fsteal");
    await fillIn(user);
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });

  it.each([
    ["NUL", "%2Ftasks%00"],
    ["a newline", "%2Ftasks%0aSet-Cookie%3A%20x%3D1"],
    ["ESC", "%2Ftasks%1b%5B31m"],
    ["a tab before a second slash", "%2F%09%2Fevil.example"],
    ["DEL", "%2Ftasks%7f"],
    ["a line separator", "%2Ftasks%E2%80%A8"],
    ["invalid percent-encoding", "%2Ftasks%25zz"],
    ["a truncated UTF-8 sequence", "%2Ftasks%25E0%25A4%25A"],
    ["invalid UTF-8 in the parameter itself", "%2Ftasks%FF%FE"],
  ])("goes home after signing in when next holds %s", async (_label, next) => {
    signInAnswering();
    const { user, router } = await renderSignIn(`?next=${next}`);
    await fillIn(user);
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(router.state.location.search).toBe("");
    expect(router.state.errors).toBeNull();
  });

  it("says so beside the form when the password is wrong, and stays", async () => {
    signInAnswering(() => apiErrorResponse(401, "invalidCredentials"));
    const { user, router } = await renderSignIn("?next=%2Ftasks");
    await fillIn(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Sign-in failed");
    expect(alert).toHaveTextContent("The email address or password is not right.");
    expect(screen.getByLabelText("Password")).toHaveFocus();
    expect(router.state.location.pathname).toBe("/sign-in");
  });

  it("tells how many seconds to wait after too many attempts", async () => {
    signInAnswering(() => apiErrorResponse(429, "tooManySignInAttempts", { params: { seconds: 437 } }));
    const { user } = await renderSignIn();
    await fillIn(user);
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many failed sign-in attempts. Try again in 437 seconds.");
  });

  it("puts missing fields on their fields without asking the server, and the server's issues too", async () => {
    const sent = signInAnswering(() => apiErrorResponse(400, "validation", { issues: [{ path: ["email"], code: "tooLong", params: { max: 320 } }] }));
    const { user } = await renderSignIn();
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findAllByText("This field is required.")).toHaveLength(2);
    expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email address")).toHaveFocus();
    expect(sent).toEqual([]);

    await fillIn(user);
    expect(await screen.findByText("Enter at most 320 characters.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription("Enter at most 320 characters.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("is in Portuguese, with the language switch", async () => {
    await renderSignIn("", "pt-BR");
    expect(screen.getByRole("heading", { level: 1, name: "Entrar" })).toBeInTheDocument();
    expect(screen.getByLabelText("Endereço de e-mail")).toBeInTheDocument();
    expect(screen.getByLabelText("Senha")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Entrar" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Idioma" })).toHaveValue("pt-BR");
  });
});

describe("Sign-in page, with the app's own query client", () => {
  afterEach(() => {
    appQueryClient.clear();
    toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key));
  });

  /** `signedInBefore`: this browser has held a session (the note the page reads before asking for one). */
  async function renderRoute(url: string, { signedInBefore = true } = {}) {
    await setTestLanguage("en");
    rememberSignedIn(signedInBefore);
    const router = createMemoryRouter(
      [
        { path: "/sign-in", loader, element: <SignInRoute /> },
        { path: "*", element: null },
      ],
      { initialEntries: [url] },
    );
    render(
      <QueryClientProvider client={appQueryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    return router;
  }

  it("goes straight to next when already signed in", async () => {
    const router = await renderRoute("/sign-in?next=%2Ftasks");
    await waitFor(() => expect(router.state.location.pathname).toBe("/tasks"));
    expect(appQueryClient.getQueryData(sessionQuery().queryKey)).toEqual(testSession());
  });

  it.each([
    ["NUL", "%2Ftasks%00"],
    ["a newline", "%2Ftasks%0aSet-Cookie%3A%20x%3D1"],
    ["ESC", "%2Ftasks%1b%5B31m"],
    ["a tab before a second slash", "%2F%09%2Fevil.example"],
    ["DEL", "%2Ftasks%7f"],
    ["a line separator", "%2Ftasks%E2%80%A8"],
    ["invalid percent-encoding", "%2Ftasks%25zz"],
  ])("goes straight home, not to an error, when already signed in and next holds %s", async (_label, next) => {
    const router = await renderRoute(`/sign-in?next=${next}`);
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(router.state.errors).toBeNull();
    expect(screen.queryByText(/unexpected application error/i)).not.toBeInTheDocument();
  });

  it("asks for no session a browser never held, so a signed-out visitor causes no 401", async () => {
    const recorder = recordRequests();
    await renderRoute("/sign-in", { signedInBefore: false });
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(recorder.requests.filter((r) => r.url.includes("/session"))).toEqual([]);
  });

  it("forgets a session that has expired, after the one 401 that finds it gone", async () => {
    server.use(http.get(mswPath(api.session.get), () => apiErrorResponse(401, "unauthorized")));
    await renderRoute("/sign-in");
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(mayBeSignedIn()).toBe(false);
  });

  it("shows a refusal only inline, never as a toast as well", async () => {
    server.use(http.get(mswPath(api.session.get), () => apiErrorResponse(401, "unauthorized")));
    signInAnswering(() => apiErrorResponse(401, "invalidCredentials"));
    const router = await renderRoute("/sign-in");
    const user = userEvent.setup();
    await screen.findByRole("heading", { name: "Sign in" });
    expect(router.state.location.pathname).toBe("/sign-in");
    await fillIn(user);
    expect(await screen.findByRole("alert")).toHaveTextContent("The email address or password is not right.");
    expect(toastQueue.visibleToasts).toEqual([]);
  });
});
