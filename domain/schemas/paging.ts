import { z } from "zod";

// Only the type error is renamed; range errors keep their own codes.
const notANumber = (issue: { code: string }) => (issue.code === "invalid_type" ? "invalidType" : undefined);

/** The most one page holds, unless a list says otherwise. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
/** Webex's page for its call park and call park extension lists: the default, and the most. */
export const WEBEX_PAGE_SIZE = 2000;

/**
 * A list's `max`: a positive whole number, `fallback` when absent. Above `limit` it is
 * read as `limit`, as Webex does, rather than refused; the Link header then pages by it.
 */
export function pageSize({ fallback = DEFAULT_PAGE_SIZE, limit = MAX_PAGE_SIZE } = {}) {
  return (
    z.coerce
      .number({ error: notANumber })
      // Not zod's int(): that refuses integers past 2^53, which are merely above the limit.
      .refine(Number.isInteger, { error: "notInteger", abort: true })
      .min(1)
      .transform((max) => Math.min(max, limit))
      .default(fallback)
      // The transform hides the default from an input JSON Schema (the API document): said here.
      .meta({ default: fallback, description: `Page size; above ${limit} it is read as ${limit}.` })
  );
}

// Webex paging: `start` is a 0-based offset, `max` the page size.
export const pagingQuery = {
  start: z.coerce.number({ error: notANumber }).int({ error: "notInteger" }).min(0).default(0),
  max: pageSize(),
};
