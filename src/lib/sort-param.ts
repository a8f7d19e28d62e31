import { z } from "zod";

export type Direction = "asc" | "desc";
export type Order<F extends string> = `${F}-${Direction}`;

/**
 * A list's `sort` URL parameter, `field-asc` or `field-desc` (a bare field is ascending):
 * what the column headers write and the server's `order` reads. An unknown value reads as
 * the default, so an old or mistyped link still opens the list.
 */
export function sortParam<F extends string>(fields: readonly F[], fallback: Order<F>): z.ZodType<Order<F>, string | undefined> {
  const orders = new Set<string>(fields.flatMap((field) => [`${field}-asc`, `${field}-desc`]));
  return z
    .string()
    .transform((value, ctx): Order<F> => {
      const order = value.includes("-") ? value : `${value}-asc`;
      if (orders.has(order)) return order as Order<F>;
      ctx.issues.push({ code: "custom", message: "invalidValue", input: value });
      return z.NEVER;
    })
    // Generic template types defeat zod's inference of the default's type; the transform above fixes it.
    .default(fallback as never) as unknown as z.ZodType<Order<F>, string | undefined>;
}

export function sortOf<F extends string>(order: Order<F>): { field: F; direction: Direction } {
  const at = order.lastIndexOf("-");
  return { field: order.slice(0, at) as F, direction: order.slice(at + 1) as Direction };
}

/** A click on a column's header: by it ascending, or reversed when it already sorts the list. */
export function nextOrder<F extends string>(order: Order<F>, field: F, first: Direction = "asc"): Order<F> {
  const other: Direction = first === "asc" ? "desc" : "asc";
  return order === `${field}-${first}` ? `${field}-${other}` : `${field}-${first}`;
}
