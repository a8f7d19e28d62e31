import { z } from "zod";

// Only the type error is renamed; range errors keep their own codes.
const notANumber = (issue: { code: string }) => (issue.code === "invalid_type" ? "invalidType" : undefined);

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

// Webex paging: `start` is a 0-based offset, `max` the page size.
export const pagingQuery = {
  start: z.coerce.number({ error: notANumber }).int({ error: "notInteger" }).min(0).default(0),
  max: z.coerce
    .number({ error: notANumber })
    .int({ error: "notInteger" })
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
};
