import { describe, expect, it } from "vitest";
import { checkName, checkRecall } from "./draft-checks";

describe("checkName", () => {
  it("requires a name, spaces alone not being one", () => {
    expect(checkName("")).toMatchObject({ code: "required" });
    expect(checkName("   ")).toMatchObject({ code: "required" });
  });

  it("takes 80 characters and refuses 81", () => {
    expect(checkName("x".repeat(80))).toBeUndefined();
    expect(checkName("x".repeat(81))).toMatchObject({ code: "tooLong", params: { max: 80 } });
  });

  it("reports a group of the location with the same name, regardless of case and accents", () => {
    const taken = [{ id: "CP1", name: "Recepção" }];
    expect(checkName("Recepcao", taken)).toStrictEqual({ code: "nameTaken", params: { name: "Recepção" } });
    expect(checkName("  RECEPÇÃO ", taken)).toStrictEqual({ code: "nameTaken", params: { name: "Recepção" } });
    expect(checkName("recepção", taken)).toStrictEqual({ code: "nameTaken", params: { name: "Recepção" } });
  });

  it("lets a name that only contains a taken one through", () => {
    expect(checkName("Recepcao 2", [{ id: "CP1", name: "Recepção" }])).toBeUndefined();
    expect(checkName("Recepcao", [])).toBeUndefined();
  });

  it("does not count the group's own name as taken", () => {
    const taken = [{ id: "CP1", name: "Recepção" }];
    expect(checkName("Recepcao", taken, "CP1")).toBeUndefined();
    expect(checkName("Recepcao", [...taken, { id: "CP2", name: "RECEPCAO" }], "CP1")).toStrictEqual({
      code: "nameTaken",
      params: { name: "RECEPCAO" },
    });
  });
});

describe("checkRecall", () => {
  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"] as const)(
    "requires a hunt group for %s",
    (option) => {
      expect(checkRecall({ option })).toStrictEqual({ code: "huntGroupRequired" });
      expect(checkRecall({ option, huntGroupId: "" })).toStrictEqual({ code: "huntGroupRequired" });
      expect(checkRecall({ option, huntGroupId: "HG1" })).toBeUndefined();
    },
  );

  it("needs no hunt group when only the parking user is alerted", () => {
    expect(checkRecall({ option: "ALERT_PARKING_USER_ONLY" })).toBeUndefined();
  });
});
