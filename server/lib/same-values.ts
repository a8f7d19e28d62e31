/** Whether two plain JSON values (audit values, what was sent and what Webex holds) are the same, keys in the same order. */
export const sameValues = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
