import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { mayBeSignedIn, nextAfterSignIn, rememberSignedIn, stillSignedIn } from "@/lib/signed-in";
import { apiErrorResponse } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { testSession } from "@/test/session";
import { SignInPage } from "./sign-in-page";

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

/** The page in `language`; `onSignedIn` is how it leaves (src/sign-in.tsx: a full load of next). */
async function renderSignIn(language: "en" | "pt-BR" = "en") {
  await setTestLanguage(language);
  const onSignedIn = vi.fn();
  render(<SignInPage onSignedIn={onSignedIn} />);
  return { user: userEvent.setup(), onSignedIn };
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, email = "Admin@Acme.example", password = "secret") {
  await user.type(screen.getByLabelText("Email address"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("Sign-in page", () => {
  it("signs in, then leaves for where the user was going", async () => {
    const sent = signInAnswering();
    const { user, onSignedIn } = await renderSignIn();
    expect(screen.getByRole("main")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toHaveFocus();
    expect(screen.getByLabelText("Email address")).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Password")).toHaveAttribute("autocomplete", "current-password");

    await fillIn(user);

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([{ email: "admin@acme.example", password: "secret" }]);
    expect(mayBeSignedIn()).toBe(true);
  });

  it("says so beside the form when the password is wrong, and stays", async () => {
    signInAnswering(() => apiErrorResponse(401, "invalidCredentials"));
    const { user, onSignedIn } = await renderSignIn();
    await fillIn(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Sign-in failed");
    expect(alert).toHaveTextContent("The email address or password is not right.");
    expect(screen.getByLabelText("Password")).toHaveFocus();
    expect(onSignedIn).not.toHaveBeenCalled();
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
    await renderSignIn("pt-BR");
    expect(screen.getByRole("heading", { level: 1, name: "Entrar" })).toBeInTheDocument();
    expect(screen.getByLabelText("Endereço de e-mail")).toBeInTheDocument();
    expect(screen.getByLabelText("Senha")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Entrar" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Idioma" })).toHaveValue("pt-BR");
  });
});

describe("where signing in leads", () => {
  it("is next, a path of this app with its query", () => {
    expect(nextAfterSignIn("?next=%2Flocations%3Fname%3DSP")).toBe("/locations?name=SP");
    expect(nextAfterSignIn("")).toBe("/");
  });

  // Each unsafe next is safeNext's (lib/session.test.ts): here, that the page's query reaches it decoded.
  it.each([
    ["another site", "%2F%2Fevil.example%2Fsteal"],
    ["a newline", "%2Ftasks%0aSet-Cookie%3A%20x%3D1"],
    ["invalid UTF-8 in the parameter itself", "%2Ftasks%FF%FE"],
  ])("is home when next holds %s", (_label, next) => {
    expect(nextAfterSignIn(`?next=${next}`)).toBe("/");
  });
});

describe("a visit to sign-in already signed in", () => {
  beforeEach(() => rememberSignedIn(true));

  it("is found by asking for the session once: the page goes straight on", async () => {
    const recorder = recordRequests();
    expect(await stillSignedIn()).toBe(true);
    expect(recorder.requests.filter((r) => r.url.includes("/session")).map((r) => r.method)).toEqual(["GET"]);
    expect(mayBeSignedIn()).toBe(true);
  });

  it("asks for no session a browser never held, so a signed-out visitor causes no 401", async () => {
    rememberSignedIn(false);
    const recorder = recordRequests();
    expect(await stillSignedIn()).toBe(false);
    expect(recorder.requests.filter((r) => r.url.includes("/session"))).toEqual([]);
  });

  it("forgets a session that has expired, after the one 401 that finds it gone", async () => {
    server.use(http.get(mswPath(api.session.get), () => apiErrorResponse(401, "unauthorized")));
    expect(await stillSignedIn()).toBe(false);
    expect(mayBeSignedIn()).toBe(false);
  });

  it("keeps the note when the server cannot answer, and shows the form", async () => {
    server.use(http.get(mswPath(api.session.get), () => apiErrorResponse(503, "internal")));
    expect(await stillSignedIn()).toBe(false);
    expect(mayBeSignedIn()).toBe(true);
  });
});
