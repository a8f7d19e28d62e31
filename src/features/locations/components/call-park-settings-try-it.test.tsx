import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import { renderWithProviders } from "@/test/render";
import { CallParkSettingsForm } from "./call-park-settings-form";

const SETTINGS: CallParkSettings = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
};

function renderForm(language: "en" | "pt-BR" = "en", readOnly = false) {
  return renderWithProviders(
    <CallParkSettingsForm locationId="L1" settings={SETTINGS} huntGroups={[]} groupsUsingHuntWaitTime={0} readOnly={readOnly} />,
    { url: "/locations/L1/calling", language },
  );
}

describe("Call Park Settings: Try it", () => {
  it("opens the Simulator on the saved settings, then carries unsaved values along as 'what if'", async () => {
    const { user } = await renderForm();
    const form = screen.getByRole("form", { name: "Call Park Settings" });
    const tryIt = within(form).getByRole("link", { name: "Try it in the simulator with these settings" });
    expect(tryIt).toHaveTextContent("Try it");
    expect(tryIt).toHaveAttribute("href", "/locations/L1/simulator");

    const recallTimer = screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await user.clear(recallTimer);
    await user.type(recallTimer, "90");
    expect(tryIt).toHaveAttribute("href", "/locations/L1/simulator?recallOption=ALERT_PARKING_USER_ONLY&recallTime=90&huntWaitTime=45");
    // A value the form refuses is not tried.
    await user.clear(recallTimer);
    await user.type(recallTimer, "5");
    expect(tryIt).toHaveAttribute("href", "/locations/L1/simulator");
  });

  it("is there for a read-only administrator, and in Brazilian Portuguese", async () => {
    await renderForm("pt-BR", true);
    const tryIt = screen.getByRole("link", { name: "Experimentar no simulador com estas configurações" });
    expect(tryIt).toHaveTextContent("Experimentar");
    expect(tryIt).toHaveAttribute("href", "/locations/L1/simulator");
  });
});
