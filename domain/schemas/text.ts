import { z } from "zod";
import { requiredString } from "./issues";
import { canonicalText, characterCount, hasForbiddenCharacters, isBlank } from "@domain/rules/text";

/**
 * A display name: NFC-normalised and trimmed, between min and max characters as a
 * person counts them, free of control and bidi-override characters. A name of
 * invisible characters only (zero-width spaces, no-break spaces…) is as blank as "".
 */
export function displayName({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: requiredString })
    .transform(canonicalText)
    .check((ctx) => {
      const value = ctx.value;
      if (isBlank(value)) {
        ctx.issues.push({ code: "custom", message: "required", input: value });
      } else if (hasForbiddenCharacters(value)) {
        ctx.issues.push({ code: "custom", message: "invalidCharacters", input: value });
      } else if (characterCount(value) < min) {
        ctx.issues.push({ code: "custom", message: "tooShort", params: { min }, input: value });
      } else if (characterCount(value) > max) {
        ctx.issues.push({ code: "custom", message: "tooLong", params: { max }, input: value });
      }
    });
}

/** A query-string filter: optional, trimmed, bounded so a search cannot be abused. */
export const searchText = z.string().max(200, { error: "tooLong" }).transform(canonicalText).optional();
