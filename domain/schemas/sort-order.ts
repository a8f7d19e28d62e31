import { z } from "zod";

export interface OrderKey<F extends string> {
  field: F;
  direction: "asc" | "desc";
}

/**
 * A list's `order` parameter: `field[-asc|-desc]` parts separated by `,` or Webex's `|`
 * (`:` or a space also introduce the direction). `aliases` maps each accepted spelling,
 * lower-cased, to our field; an unknown field or direction, or more than `maxKeys`
 * parts, is `invalidValue` naming the part.
 */
export function sortOrder<F extends string>(aliases: Record<string, F>, { maxKeys = Infinity } = {}) {
  return z
    .string()
    .max(200, { error: "tooLong" })
    .transform((value, ctx): OrderKey<F>[] => {
      const keys: OrderKey<F>[] = [];
      for (const part of value.split(/[|,]/).map((p) => p.trim()).filter(Boolean)) {
        const [rawField, rawDirection = "asc"] = part.split(/[-:\s]/);
        const field = Object.hasOwn(aliases, rawField.toLowerCase()) ? aliases[rawField.toLowerCase()] : undefined;
        const direction = rawDirection.toLowerCase();
        if (!field || (direction !== "asc" && direction !== "desc") || keys.length >= maxKeys) {
          ctx.issues.push({ code: "custom", message: "invalidValue", params: { value: part }, input: value });
          return z.NEVER;
        }
        keys.push({ field, direction });
      }
      return keys;
    });
}
