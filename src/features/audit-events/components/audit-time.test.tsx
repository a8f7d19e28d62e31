import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import { renderWithProviders } from "@/test/render";
import { AuditTable } from "./audit-table";

const EVENT: AuditEvent = {
  id: "E1",
  time: "2026-11-27T14:03:09Z",
  actorId: "P1",
  actorName: "Morgan Reyes",
  actorEmail: "admin@acme.example",
  sourceIp: "203.0.113.7",
  action: "UPDATE",
  objectType: "callParkExtension",
  objectId: "X1",
  objectName: "Lobby",
  trackingId: "T1",
  origin: "app",
};

describe("audit log: when, in the user's language", () => {
  it.each(["pt-BR", "en"] as const)("%s: a change's time, to the second", async (language) => {
    await renderWithProviders(<AuditTable items={[EVENT]} busy={false} />, { language });
    const row = screen.getAllByRole("row")[1];
    const time = within(row).getAllByRole("cell")[1].querySelector("time");
    expect(time).toHaveAttribute("datetime", EVENT.time);
    expect(plainSpaces(time!.textContent)).toBe(expectedDateTime(EVENT.time, language));
  });
});
