import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";

/** A failed request validation, carrying the per-field issues in our vocabulary. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly fieldIssues: FieldIssue[]) {
    super("validation");
  }
}

/**
 * Validates with the `domain/schemas` contract, like fastify-type-provider-zod's
 * compiler, but keeps the input so a missing field and a wrongly typed one are told apart.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(toFieldIssues(result.error, data)) };
  };
