import { z } from "zod";
import { ADMIN_ROLES } from "@domain/rules/access";
import { requiredString } from "./issues";
import { displayName } from "./text";

// Signing in, the signed-in administrator, and personal access tokens.

export const adminRoleSchema = z.enum(ADMIN_ROLES);

export const signInSchema = z
  .object({
    email: z
      .string({ error: requiredString })
      .trim()
      .min(1, { error: "required" })
      .max(320, { error: "tooLong" })
      .transform((value) => value.toLowerCase()),
    password: z.string({ error: requiredString }).min(1, { error: "required" }).max(1024, { error: "tooLong" }),
  })
  .strict();
export type SignInInput = z.input<typeof signInSchema>;

/** The administrator behind a session or token, as Webex's GET /v1/people/me names them. */
export const meSchema = z.object({
  id: z.string(),
  emails: z.array(z.string()),
  displayName: z.string(),
  /** The organisation, as Webex's people/me names it. */
  orgId: z.string(),
  role: adminRoleSchema,
  /** The locations a location administrator manages (empty for the other roles). */
  locationIds: z.array(z.string()),
});
export type Me = z.output<typeof meSchema>;

/** The signed-in session: who, and the token that cookie-authenticated writes must echo. */
export const sessionSchema = z.object({
  me: meSchema,
  csrfToken: z.string(),
  expires: z.string(),
});
export type Session = z.output<typeof sessionSchema>;

export const ACCESS_TOKEN_NAME_MAX = 80;
export const MAX_ACCESS_TOKENS = 50;

export const accessTokenCreateSchema = z.object({ name: displayName({ max: ACCESS_TOKEN_NAME_MAX }) }).strict();
export type AccessTokenCreate = z.input<typeof accessTokenCreateSchema>;

export const accessTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's last characters, to tell tokens apart; the token itself is shown once. */
  hint: z.string(),
  created: z.string(),
  lastUsed: z.string().optional(),
});
export type AccessToken = z.output<typeof accessTokenSchema>;

export const accessTokenCreatedSchema = accessTokenSchema.extend({ token: z.string() });
export type AccessTokenCreated = z.output<typeof accessTokenCreatedSchema>;

export const accessTokenListSchema = z.object({ items: z.array(accessTokenSchema) });
