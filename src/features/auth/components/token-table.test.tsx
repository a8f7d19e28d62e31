import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AccessToken } from "@domain/schemas/auth";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import { renderWithProviders } from "@/test/render";
import { TokenTable } from "./token-table";

const TOKEN: AccessToken = { id: "T1", name: "Nightly export", hint: "x9Qz", created: "2026-11-27T14:03:09Z", lastUsed: "2026-01-05T09:07:00Z" };

describe("personal access tokens: when, in the user's language", () => {
  it.each(["pt-BR", "en"] as const)("%s: created and last used, to the minute", async (language) => {
    await renderWithProviders(<TokenTable items={[TOKEN]} onRevoke={() => {}} />, { language });
    const times = screen.getAllByRole("cell").flatMap((cell) => [...cell.querySelectorAll("time")]);
    expect(times.map((time) => plainSpaces(time.textContent))).toEqual([
      expectedDateTime(TOKEN.created, language, "short"),
      expectedDateTime(TOKEN.lastUsed!, language, "short"),
    ]);
  });
});
