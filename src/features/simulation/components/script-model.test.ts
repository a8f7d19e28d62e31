import { describe, expect, it } from "vitest";
import { ANSWER, checkSteps, newRow, stepsOf } from "./script-model";

describe("the script's rows as the request's steps", () => {
  it("sends #58 as it is, *68 and *88 with their extension, and an answer naming its call", () => {
    const rows = [
      newRow({ at: "0", by: "p1" }),
      newRow({ at: "5", by: "p2", code: "*68", extension: "5002" }),
      newRow({ at: "9", by: "p3", code: "*88", extension: "5002" }),
      newRow({ at: "50", by: "p1", code: ANSWER, call: "1" }),
    ];
    expect(stepsOf(rows)).toEqual([
      { at: 0, by: "p1", dial: "#58" },
      { at: 5, by: "p2", dial: "*685002" },
      { at: 9, by: "p3", dial: "*885002" },
      { at: 50, by: "p1", answer: "call-1" },
    ]);
    expect(checkSteps(stepsOf(rows))).toEqual([]);
  });

  it("marks an answer without a call number on its row", () => {
    const issues = checkSteps(stepsOf([newRow({ by: "p1", code: ANSWER, call: "" }), newRow({ by: "", code: ANSWER, call: "2" })]));
    expect(issues.map((issue) => issue.path)).toEqual([
      ["steps", 0, "answer"],
      ["steps", 1, "by"],
    ]);
  });
});
