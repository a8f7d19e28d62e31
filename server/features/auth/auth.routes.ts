import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { route } from "@server/http/route";
import { principalFor, SESSION_COOKIE } from "./access";
import * as service from "./auth.service";
import { actorOf, requirePrincipal } from "./principal";
import type { SignInLimiter } from "./sign-in-limiter";

export async function authRoutes(app: FastifyInstance, { db, limiter }: { db: Db; limiter: SignInLimiter }) {
  // Ours: signing in opens a session held in an httpOnly, SameSite=Strict cookie.
  route(app, api.session.signIn, async ({ body }, request, reply) => {
    const session = await service.signIn(db, limiter, body, request.ip);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: request.protocol === "https",
      expires: new Date(session.expires),
    });
    reply.header("cache-control", "no-store");
    const principal = await principalFor(db, session.adminId);
    if (!principal) throw new HttpError("invalidCredentials");
    return { me: service.toMe(principal), csrfToken: session.csrfToken, expires: session.expires };
  });

  route(app, api.session.get, (_input, request, reply) => {
    const principal = requirePrincipal(request);
    reply.header("cache-control", "no-store");
    return {
      me: service.toMe(principal),
      csrfToken: principal.session?.csrfToken ?? "",
      expires: principal.session?.expires ?? "",
    };
  });

  route(app, api.session.signOut, async (_input, request, reply) => {
    await service.signOut(db, requirePrincipal(request));
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
  });

  // As Webex: the administrator the request acts for.
  route(app, api.people.me, (_input, request) => service.toMe(requirePrincipal(request)));

  route(app, api.people.listAccessTokens, async (_input, request) => ({
    items: await service.listAccessTokens(db, requirePrincipal(request)),
  }));

  route(app, api.people.createAccessToken, async ({ body }, request, reply) => {
    const created = await service.createAccessToken(db, requirePrincipal(request), body, actorOf(request));
    reply.header("cache-control", "no-store");
    return created;
  });

  route(app, api.people.revokeAccessToken, async ({ params }, request) => {
    await service.revokeAccessToken(db, requirePrincipal(request), params.tokenId, actorOf(request));
  });
}
