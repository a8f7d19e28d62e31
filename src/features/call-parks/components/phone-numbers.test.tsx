import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { callParkAgent, LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { CallParkReview } from "./call-park-review";
import { MembersEditor } from "./members-editor";

// Members' phone numbers read as people write them: nationally for the location's own
// country (L1 is in Brazil), internationally for any other; E.164 kept for copying.

const ANA = callParkAgent("U1", "Ana Souza", { external: "+551130001001", extension: "1001" });
const JOE = callParkAgent("U2", "Joe Park", { external: "+14085551000" });

function answering() {
  server.use(
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [ANA, JOE] })),
    http.get(mswPath(api.locations.get), () => HttpResponse.json(LOCATIONS[0])),
  );
}

const LABELS = {
  "pt-BR": { results: "Membros disponíveis", chosen: "1 membro" },
  en: { results: "Available members", chosen: "1 member" },
} as const;

describe.each(["pt-BR", "en"] as const)("phone numbers (%s)", (language) => {
  it("in the members picker: national for the location's country, international otherwise, E.164 as the value", async () => {
    answering();
    await renderWithProviders(
      <MembersEditor idPrefix="t" locationId="L1" value={[JOE]} onChange={() => {}} />,
      { language },
    );
    const results = screen.getByRole("region", { name: LABELS[language].results });
    const ana = (await within(results).findByText("Ana Souza")).closest("li")!;
    const anaNumber = await within(ana).findByText("(11) 3000-1001");
    expect(anaNumber).toHaveAttribute("title", "+551130001001");
    expect(anaNumber).toHaveAttribute("value", "+551130001001");

    const chosen = screen.getByRole("region", { name: LABELS[language].chosen });
    const joe = within(chosen).getByText("Joe Park").closest("li")!;
    expect(within(joe).getByText("+1 408 555 1000")).toHaveAttribute("value", "+14085551000");
  });

  it("in a group's details", async () => {
    server.use(http.get(mswPath(api.locations.get), () => HttpResponse.json(LOCATIONS[0])));
    const draft = { name: "Sales", agents: [ANA, JOE], parkOnAgentsEnabled: false, callParkExtensions: [], recall: { option: "ALERT_PARKING_USER_ONLY" as const } };
    await renderWithProviders(<CallParkReview draft={draft} locationName="São Paulo" locationId="L1" />, { language });
    expect(await screen.findByText("(11) 3000-1001")).toHaveAttribute("title", "+551130001001");
    expect(screen.getByText("+1 408 555 1000")).toHaveAttribute("title", "+14085551000");
  });
});
