import type { FastifyRequest } from "fastify";
import { type AccessSubject, type AdminRole, type LocationScope, locationScope } from "@domain/rules/access";
import { HttpError } from "@server/http/errors";

/** Who ADMIN_TOKEN acts as before any administrator account exists (Webex mode, before the first is created). */
export const ADMIN_TOKEN_ACTOR_ID = "ADMIN_TOKEN";

/** The administrator a request acts for, from their session cookie or a bearer token. */
export interface Principal extends AccessSubject {
  id: string;
  email: string;
  displayName: string;
  role: AdminRole;
  locationIds: string[];
  /** The organisation, as Webex's people/me names it. */
  orgId: string;
  via: "session" | "token";
  /** For a session: its stored id (a hash), CSRF token and end. */
  session?: { tokenHash: string; csrfToken: string; expires: string };
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError("unauthorized");
  return request.principal;
}

/** The locations a request's administrator may see. */
export function scopeOf(request: FastifyRequest): LocationScope {
  return locationScope(requirePrincipal(request));
}

/** Who reads: an administrator, with the locations they may see. */
export interface Viewer {
  id: string;
  /** An object of a location outside it, named in a request, is unknown, not described. */
  scope: LocationScope;
}

export function viewerOf(request: FastifyRequest): Viewer {
  return { id: requirePrincipal(request).id, scope: scopeOf(request) };
}

/** Who made a change, and from where, as the audit log records it. */
export interface Actor extends Viewer {
  displayName: string;
  email: string;
  sourceIp: string;
  userAgent?: string;
  trackingId: string;
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = requirePrincipal(request);
  const userAgent = request.headers["user-agent"]?.slice(0, 500);
  return {
    id: principal.id,
    displayName: principal.displayName,
    email: principal.email,
    sourceIp: request.ip,
    ...(userAgent ? { userAgent } : {}),
    trackingId: request.id,
    scope: locationScope(principal),
  };
}
