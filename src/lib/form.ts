import type { FieldErrors, FieldValues, Resolver, UseFormSetError, Path } from "react-hook-form";
import type { z } from "zod";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";

// The form checks with the same `domain/schemas` contract as the server, and turns
// failures into the same { code, params } issues the API sends, so one component
// words both in the user's language.

const encode = (issue: Pick<FieldIssue, "code" | "params">) => JSON.stringify({ code: issue.code, params: issue.params });

export function decodeFieldError(message: string | undefined): Pick<FieldIssue, "code" | "params"> | undefined {
  if (!message) return undefined;
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}

function setNested(target: Record<string, unknown>, path: (string | number)[], value: unknown) {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  });
  const last = path[path.length - 1];
  if (node[last] === undefined) node[last] = value;
}

export function contractResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of toFieldIssues(result.error, values)) {
      const path = issue.path.length ? issue.path : ["root"];
      setNested(errors, path, { type: issue.code, message: encode(issue) });
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> };
  };
}

/** A field of the form, or an item of a list field (`agents.2` of `agents`). */
const isFieldOf = (name: string, fields: readonly string[]) =>
  fields.some((field) => name === field || (name.startsWith(`${field}.`) && /^\d+$/.test(name.slice(field.length + 1))));

/** Puts the server's field issues on their fields, or on the item of a list they name; returns whether any landed. */
export function applyServerIssues<T extends FieldValues>(
  issues: FieldIssue[],
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  let placed = false;
  for (const issue of issues) {
    const name = issue.path.join(".");
    if (!isFieldOf(name, fields)) continue;
    setError(name as Path<T>, { type: issue.code, message: encode(issue) }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}

export { encode as encodeFieldIssue };
