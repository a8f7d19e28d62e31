import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accessTokenCreatedSchema,
  accessTokenCreateSchema,
  accessTokenListSchema,
  meSchema,
  sessionSchema,
  signInSchema,
} from "@domain/schemas/auth";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { principalFor, SESSION_COOKIE } from "./access";
import * as service from "./auth.service";
import { ACCESS, actorOf, requirePrincipal } from "./principal";
import type { SignInLimiter } from "./sign-in-limiter";

const tokenParams = z.object({ tokenId: z.string().min(1).max(500) });

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; limiter: SignInLimiter }> = async (app, { db, limiter }) => {
  // Ours: signing in opens a session held in an httpOnly, SameSite=Strict cookie.
  app.post(
    "/v1/session",
    { config: ACCESS.public, schema: { body: signInSchema, response: { 201: sessionSchema } } },
    async (request, reply) => {
      const session = await service.signIn(db, limiter, request.body, request.ip);
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
      return reply.code(201).send({ me: service.toMe(principal), csrfToken: session.csrfToken, expires: session.expires });
    },
  );

  app.get("/v1/session", { config: ACCESS.account, schema: { response: { 200: sessionSchema } } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    reply.header("cache-control", "no-store");
    return {
      me: service.toMe(principal),
      csrfToken: principal.session?.csrfToken ?? "",
      expires: principal.session?.expires ?? "",
    };
  });

  app.delete("/v1/session", { config: ACCESS.account }, async (request, reply) => {
    await service.signOut(db, requirePrincipal(request));
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  // As Webex: the administrator the request acts for.
  app.get("/v1/people/me", { config: ACCESS.account, schema: { response: { 200: meSchema } } }, async (request) =>
    service.toMe(requirePrincipal(request)),
  );

  app.get(
    "/v1/people/me/accessTokens",
    { config: ACCESS.account, schema: { response: { 200: accessTokenListSchema } } },
    async (request) => ({ items: await service.listAccessTokens(db, requirePrincipal(request)) }),
  );

  app.post(
    "/v1/people/me/accessTokens",
    { config: ACCESS.account, schema: { body: accessTokenCreateSchema, response: { 201: accessTokenCreatedSchema } } },
    async (request, reply) => {
      const created = await service.createAccessToken(db, requirePrincipal(request), request.body, actorOf(request));
      reply.header("cache-control", "no-store");
      return reply.code(201).send(created);
    },
  );

  app.delete(
    "/v1/people/me/accessTokens/:tokenId",
    { config: ACCESS.account, schema: { params: tokenParams } },
    async (request, reply) => {
      await service.revokeAccessToken(db, requirePrincipal(request), request.params.tokenId, actorOf(request));
      return reply.code(204).send();
    },
  );
};
