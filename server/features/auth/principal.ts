import type { FastifyRequest } from "fastify";
import { type AccessSubject, type AdminRole, locationScope } from "@domain/rules/access";
import { HttpError } from "@server/http/errors";

/** The administrator a request acts for, from their session cookie or a bearer token. */
export interface Principal extends AccessSubject {
  id: string;
  email: string;
  displayName: string;
  role: AdminRole;
  locationIds: string[];
  via: "session" | "token";
  /** For a session: its stored id (a hash), CSRF token and end. */
  session?: { tokenHash: string; csrfToken: string; expires: string };
}

/**
 * What a route allows, declared on every route (`config.access`):
 * - public: anybody, signed in or not (signing in);
 * - account: any signed-in administrator, about their own account (session, tokens);
 * - read: any signed-in administrator, within their locations;
 * - write: full and location administrators, within their locations.
 */
export const ROUTE_ACCESS = ["public", "account", "read", "write"] as const;
export type RouteAccess = (typeof ROUTE_ACCESS)[number];

/** Route configs, as `{ config: ACCESS.read, schema: … }`. */
export const ACCESS = {
  public: { access: "public" },
  account: { access: "account" },
  read: { access: "read" },
  write: { access: "write" },
} as const satisfies Record<RouteAccess, { access: RouteAccess }>;

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError("unauthorized");
  return request.principal;
}

/** The locations a request may see: undefined for all, or a location administrator's list. */
export function visibleLocationIds(request: FastifyRequest): readonly string[] | undefined {
  const principal = requirePrincipal(request);
  const scope = locationScope(principal);
  return scope.all ? undefined : scope.locationIds;
}

/** Who made a change, and from where, as the audit log records it. */
export interface Actor {
  id: string;
  displayName: string;
  email: string;
  sourceIp: string;
  userAgent?: string;
  trackingId: string;
  /**
   * The locations they may reach (a location administrator's); undefined for all. An
   * object of another location named in a request is then unknown, not described.
   */
  locationIds?: readonly string[];
}

/** Whether an object of this location is out of the actor's reach (so: not to be named). */
export function outOfReach(actor: Pick<Actor, "locationIds"> | undefined, locationId: string): boolean {
  return actor?.locationIds !== undefined && !actor.locationIds.includes(locationId);
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = requirePrincipal(request);
  const userAgent = request.headers["user-agent"]?.slice(0, 500);
  const locationIds = visibleLocationIds(request);
  return {
    ...(locationIds ? { locationIds } : {}),
    id: principal.id,
    displayName: principal.displayName,
    email: principal.email,
    sourceIp: request.ip,
    ...(userAgent ? { userAgent } : {}),
    trackingId: request.id,
  };
}
