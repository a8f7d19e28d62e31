import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { callParkAgent, parkDestination } from "@/test/fixtures";
import { server } from "@/test/server";
import { sessionHandler } from "@/test/session";
import type { CallPark } from "@/features/call-parks/api/types";
import { renderGroupPanel } from "./panel-test-render";

const GROUP: CallPark = {
  id: "CP1",
  name: "Front desk",
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: [callParkAgent("U1", "Ana Souza", { extension: "1001" })],
  parkOnAgentsEnabled: false,
  callParkExtensions: [parkDestination("CPE1", "Reception park", "5001")],
};

async function renderPanel(language: "en" | "pt-BR" = "en") {
  const rendered = await renderGroupPanel(GROUP, language);
  const panel = await screen.findByRole("dialog", { name: "Front desk" });
  return { ...rendered, panel };
}

describe("a group's side panel: Try it", () => {
  it("opens the location's Simulator on this group's members", async () => {
    const { user, history, panel } = await renderPanel();
    const tryIt = within(panel).getByRole("link", { name: "Try it in the simulator with Front desk" });
    expect(tryIt).toHaveTextContent("Try it");
    expect(tryIt).toHaveAttribute("href", "/locations/L1/simulator?group=CP1");
    await user.click(tryIt);
    await waitFor(() => expect(history.location.pathname).toBe("/locations/L1/simulator"));
    expect(history.location.search).toBe("?group=CP1");
  });

  it("is offered to a read-only administrator too (a simulation changes nothing)", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    const { panel } = await renderPanel();
    expect(await within(panel).findByText("1 member: Ana Souza")).toBeInTheDocument();
    expect(within(panel).getByRole("link", { name: "Try it in the simulator with Front desk" })).toHaveAttribute(
      "href",
      "/locations/L1/simulator?group=CP1",
    );
  });

  it("says it in Brazilian Portuguese", async () => {
    const { panel } = await renderPanel("pt-BR");
    const tryIt = within(panel).getByRole("link", { name: "Experimentar no simulador com Front desk" });
    expect(tryIt).toHaveTextContent("Experimentar");
    expect(screen.getByRole("link", { name: "Experimentar no simulador com Front desk" })).toBe(tryIt);
  });
});
