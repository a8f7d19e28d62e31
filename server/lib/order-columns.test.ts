import { describe, expect, it } from "vitest";
import { orderColumns } from "./order-columns";

describe("orderColumns", () => {
  const columns = { created: ["seq"], status: ["status", "exit_code"], outcome: ["exit_code"] } as const;

  it("lists each key's columns in its direction, then the last key's, none twice", () => {
    expect(
      orderColumns(
        [
          { field: "status", direction: "desc" },
          { field: "outcome", direction: "asc" },
        ],
        columns,
        { field: "created", direction: "desc" },
      ),
    ).toEqual([
      { column: "status", direction: "desc" },
      { column: "exit_code", direction: "desc" },
      { column: "seq", direction: "desc" },
    ]);
  });

  it("is the last key alone without an order, and does not repeat it when asked for", () => {
    const last = { field: "created", direction: "asc" } as const;
    expect(orderColumns([], columns, last)).toEqual([{ column: "seq", direction: "asc" }]);
    expect(orderColumns([{ field: "created", direction: "desc" }], columns, last)).toEqual([{ column: "seq", direction: "desc" }]);
  });
});
