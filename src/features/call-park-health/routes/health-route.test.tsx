import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkHealthFindingOutput as Finding } from "@domain/schemas/call-park-health";
import { CALL_PARK_HEALTH_PATH, callParkExtensionListPath, callParkPath, locationPath } from "@/lib/paths";
import { locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import CallParkHealthRoute from "./health-route";
import { captureDownloads } from "@/test/downloads";

const at = (locationId: "L1" | "L2") => ({ locationId, locationName: locationId === "L1" ? "São Paulo" : "Campinas" });

const park = (n: number, name = `Park ${n}`) => ({ id: `E${n}`, name, extension: String(5000 + n) });

/** A location's call park extensions in no group: how many, the first five named. */
const inNoGroup = (where: Pick<Finding, "locationId" | "locationName">, count: number, extensions: ReturnType<typeof park>[]): Finding => ({
  kind: "EXTENSION_IN_NO_GROUP",
  severity: "INFO",
  ...where,
  objectType: "LOCATION",
  objectId: where.locationId,
  objectName: where.locationName,
  count,
  extensions,
});

/** One finding of each kind (two of one), as the server orders them. */
const FINDINGS: Finding[] = [
  { kind: "GROUP_CANNOT_PARK", severity: "ERROR", ...at("L2"), objectType: "CALL_PARK", objectId: "G1", objectName: "Nowhere", members: 3 },
  { kind: "RECALL_WITHOUT_HUNT_GROUP", severity: "ERROR", ...at("L2"), objectType: "LOCATION", objectId: "L2", objectName: "Campinas", recallOption: "ALERT_HUNT_GROUP_ONLY", reason: "MISSING" },
  { kind: "HUNT_GROUP_WITHOUT_AGENTS", severity: "ERROR", ...at("L1"), objectType: "CALL_PARK", objectId: "G2", objectName: "Doca", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1", huntGroupName: "Vendas" },
  { kind: "FEWER_DESTINATIONS_THAN_MEMBERS", severity: "WARNING", ...at("L2"), objectType: "CALL_PARK", objectId: "G3", objectName: "Crowded", members: 5, destinations: 1 },
  { kind: "HUNT_WAIT_UNUSED", severity: "WARNING", ...at("L1"), objectType: "LOCATION", objectId: "L1", objectName: "São Paulo", huntWaitTime: 120, recallOption: "ALERT_PARKING_USER_ONLY" },
  { kind: "LOCATION_NEAR_LIMIT", severity: "WARNING", ...at("L1"), objectType: "LOCATION", objectId: "L1", objectName: "São Paulo", count: 99, limit: 100 },
  inNoGroup(at("L2"), 2, [park(7, "=Spare"), park(8)]),
  inNoGroup(at("L1"), 12, [1, 2, 3, 4, 5].map((n) => park(n))),
];

const TWELVE = "12 call park extensions belong to no call park group: Park 1 (5001), Park 2 (5002), Park 3 (5003), Park 4 (5004), Park 5 (5005) and 7 more.";

/** The health endpoint answering the findings of the location asked for; keeps each request's query. */
function healthAnswering(findings = FINDINGS) {
  const queries: URLSearchParams[] = [];
  server.use(
    locationsHandler,
    http.get(mswPath(api.callParkHealth.get), ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const locationId = query.get("locationId");
      return HttpResponse.json({ findings: findings.filter((f) => !locationId || f.locationId === locationId) });
    }),
  );
  return queries;
}

const renderHealth = (search = "", language: "en" | "pt-BR" = "en") =>
  renderWithProviders(<CallParkHealthRoute />, { url: `${CALL_PARK_HEALTH_PATH}${search}`, path: CALL_PARK_HEALTH_PATH, language });

const table = () => screen.getByRole("table", { name: /^(Findings|Ocorrências)$/ });
const rowWith = (text: string) => within(table()).getByText(text, { exact: false, selector: "td.health-explanation" }).closest("tr")!;
const countButton = (name: RegExp) => screen.getByRole("button", { name });

describe("Health check", () => {
  const saved = captureDownloads();

  it("counts each kind on top and explains each finding with its location, object and a link to fix it", async () => {
    const queries = healthAnswering();
    await renderHealth();
    expect(await screen.findByRole("heading", { level: 1, name: "Health check" })).toBeInTheDocument();
    await screen.findByRole("table", { name: "Findings" });
    expect(queries[0].has("locationId")).toBe(false);
    expect(countButton(/Groups that cannot park/)).toHaveTextContent("1 Groups that cannot park");
    expect(countButton(/Locations with call park extensions in no group/)).toHaveTextContent("2 Locations with call park extensions in no group");
    expect(countButton(/Groups that cannot park/)).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByText("8 findings")).toBeInTheDocument();

    const cells = (text: string) => within(rowWith(text)).getAllByRole("cell").map((c) => c.textContent);
    expect(cells("Call park group Nowhere has nowhere to park")).toEqual([
      "Call park group Nowhere has nowhere to park: it has no call park extensions and does not use its members as park destinations, so none of its 3 members can park a call with #58.",
      "Error",
      "Campinas",
      "Call park group Nowhere",
      "Edit the group",
    ]);
    const explanation = (text: string) => within(rowWith(text)).getAllByRole("cell")[0].textContent;
    expect(explanation("Crowded")).toBe("Call park group Crowded has 1 park destination for 5 members: when more members than that park at once, the others cannot.");
    expect(explanation("The recall option of Call Park Direct, ")).toBe(
      "The recall option of Call Park Direct, Alert hunt group only, sends calls nobody retrieves to a hunt group, but none is chosen or it no longer exists: those calls have nowhere to go.",
    );
    expect(explanation("hunt group Vendas")).toBe("Call park group Doca sends calls nobody retrieves to hunt group Vendas, which has no agents: nobody will answer them.");
    expect(explanation("120 seconds")).toMatch(/^The Alert Hunt Group Wait Time is set to 120 seconds, but nothing uses it/);
    expect(explanation("99 of at most 100")).toBe("São Paulo has 99 of at most 100 call park extensions: only one more can be added.");
    // One finding per location, not per call park extension: how many, the first five named.
    expect(cells("12 call park extensions")).toEqual([TWELVE, "Information", "São Paulo", "Location São Paulo", "Review call park extensions"]);
    expect(explanation("(5008)")).toBe("2 call park extensions belong to no call park group: =Spare (5007) and Park 8 (5008).");

    const fix = (name: string) => screen.getByRole("link", { name });
    expect(fix("Edit the group: Nowhere")).toHaveAttribute("href", callParkPath("L2", "G1"));
    expect(fix("Open Call Park Settings: Campinas")).toHaveAttribute("href", locationPath("L2", "calling"));
    // São Paulo's near the limit and its call park extensions in no group: both its list of call park extensions.
    const saoPauloLinks = screen.getAllByRole("link", { name: "Review call park extensions: São Paulo" });
    expect(saoPauloLinks).toHaveLength(2);
    for (const link of saoPauloLinks) expect(link).toHaveAttribute("href", callParkExtensionListPath("L1"));
    expect(fix("Review call park extensions: Campinas")).toHaveAttribute("href", callParkExtensionListPath("L2"));
  });

  it("names one call park extension in no group, a few, or the first five and how many more", async () => {
    healthAnswering([
      inNoGroup({ locationId: "L1", locationName: "Alpha" }, 1, [park(1)]),
      inNoGroup({ locationId: "L2", locationName: "Bravo" }, 3, [park(1), park(2), park(3)]),
      inNoGroup({ locationId: "L3", locationName: "Charlie" }, 6, [1, 2, 3, 4, 5].map((n) => park(n))),
      inNoGroup({ locationId: "L4", locationName: "Delta" }, 1234, [1, 2, 3, 4, 5].map((n) => park(n))),
    ]);
    await renderHealth();
    await screen.findByRole("table", { name: "Findings" });
    const explanations = within(table()).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell")[0].textContent);
    expect(explanations).toEqual([
      "1 call park extension belongs to no call park group: Park 1 (5001).",
      "3 call park extensions belong to no call park group: Park 1 (5001), Park 2 (5002) and Park 3 (5003).",
      "6 call park extensions belong to no call park group: Park 1 (5001), Park 2 (5002), Park 3 (5003), Park 4 (5004), Park 5 (5005) and 1 more.",
      "1,234 call park extensions belong to no call park group: Park 1 (5001), Park 2 (5002), Park 3 (5003), Park 4 (5004), Park 5 (5005) and 1,229 more.",
    ]);
    expect(countButton(/Locations with call park extensions in no group/)).toHaveTextContent("4");
  });

  it("filters by kind (the select or a count) and by location, in the URL; the counts follow the location", async () => {
    const queries = healthAnswering();
    const { user, history } = await renderHealth();
    await screen.findByRole("table", { name: "Findings" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "Locations with call park extensions in no group");
    await waitFor(() => expect(history.location.search).toBe("?kind=EXTENSION_IN_NO_GROUP"));
    expect(within(table()).getAllByRole("row")).toHaveLength(1 + 2);
    expect(countButton(/Locations with call park extensions in no group/)).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("2 findings")).toBeInTheDocument();

    // A count toggles its kind.
    await user.click(countButton(/Groups that cannot park/));
    await waitFor(() => expect(history.location.search).toBe("?kind=GROUP_CANNOT_PARK"));
    expect(screen.getByText("1 finding")).toBeInTheDocument();
    await user.click(countButton(/Groups that cannot park/));
    await waitFor(() => expect(history.location.search).toBe(""));

    const location = screen.getByRole("combobox", { name: "Location" });
    await user.click(location);
    await user.click(await screen.findByRole("option", { name: "São Paulo" }));
    await waitFor(() => expect(history.location.search).toBe("?location=L1"));
    await waitFor(() => expect(queries.at(-1)?.get("locationId")).toBe("L1"));
    await waitFor(() => expect(screen.getByText("4 findings")).toBeInTheDocument());
    expect(countButton(/Groups that cannot park/)).toHaveTextContent("0");
    expect(countButton(/Locations with call park extensions in no group/)).toHaveTextContent("1");

    await user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "Groups that cannot park");
    expect(await screen.findByText("No findings match these filters.")).toBeInTheDocument();
    await user.click(screen.getAllByRole("button", { name: "Clear filters" })[0]);
    await waitFor(() => expect(history.location.search).toBe(""));
  });

  it("opens on the filters and the page the URL names", async () => {
    const many = Array.from({ length: 60 }, (_, i) => inNoGroup({ locationId: `P${i}`, locationName: `Place ${i}` }, 1, [park(1)]));
    healthAnswering([...FINDINGS, ...many]);
    await renderHealth("?kind=EXTENSION_IN_NO_GROUP&page=2");
    expect(await screen.findByRole("navigation", { name: "Pages" })).toHaveTextContent("51–62 of 62");
    expect(screen.getByRole("combobox", { name: "Kind" })).toHaveValue("EXTENSION_IN_NO_GROUP");
    expect(within(table()).getAllByRole("row")).toHaveLength(1 + 12);
  });

  it("exports the findings the filters show as CSV, every cell safe in a spreadsheet", async () => {
    healthAnswering();
    const { user } = await renderHealth("?kind=EXTENSION_IN_NO_GROUP");
    await screen.findByRole("table", { name: "Findings" });
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(saved).toHaveLength(1);
    const text = (await saved[0].text()).replace(/^\uFEFF/, "");
    const header = '"Severity","Kind","Location","Object type","Object","Explanation","Count","Call park extensions (the first 5)"';
    expect(text.split("\r\n")).toEqual([
      header,
      `"Information","Locations with call park extensions in no group","Campinas","Location","Campinas","2 call park extensions belong to no call park group: =Spare (5007) and Park 8 (5008).","2","'=Spare (5007), Park 8 (5008)"`,
      `"Information","Locations with call park extensions in no group","São Paulo","Location","São Paulo","${TWELVE}","12","Park 1 (5001), Park 2 (5002), Park 3 (5003), Park 4 (5004), Park 5 (5005)"`,
    ]);

    // Another kind: its count where it has one, no call park extensions named.
    await user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "Locations near the limit");
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect((await saved[1].text()).replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      header,
      '"Warning","Locations near the limit","São Paulo","Location","São Paulo","São Paulo has 99 of at most 100 call park extensions: only one more can be added.","99",""',
    ]);
  });

  it("says so when there is nothing to report", async () => {
    healthAnswering([]);
    await renderHealth();
    expect(await screen.findByText("Nothing to report: the call park configuration looks healthy.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  });

  it("speaks Brazilian Portuguese, plurals and all", async () => {
    healthAnswering();
    await renderHealth("", "pt-BR");
    expect(await screen.findByRole("heading", { level: 1, name: "Verificação de integridade" })).toBeInTheDocument();
    await screen.findByRole("table", { name: "Ocorrências" });
    expect(screen.getByText("8 ocorrências")).toBeInTheDocument();
    const explanation = (text: string) => within(rowWith(text)).getAllByRole("cell")[0].textContent;
    expect(explanation("Crowded")).toBe(
      "O grupo de estacionamento de chamadas Crowded tem 1 destino de estacionamento para 5 membros: quando mais membros do que isso estacionam ao mesmo tempo, os demais não conseguem.",
    );
    expect(explanation("99 de no máximo 100")).toBe("São Paulo tem 99 de no máximo 100 ramais de estacionamento de chamadas: só é possível adicionar mais um.");
    expect(explanation("12 ramais")).toBe(
      "12 ramais de estacionamento de chamadas não pertencem a nenhum grupo de estacionamento de chamadas: Park 1 (5001), Park 2 (5002), Park 3 (5003), Park 4 (5004), Park 5 (5005) e mais 7.",
    );
    expect(explanation("(5008)")).toBe("2 ramais de estacionamento de chamadas não pertencem a nenhum grupo de estacionamento de chamadas: =Spare (5007) e Park 8 (5008).");
    expect(countButton(/Locais com ramais de estacionamento fora de grupos/)).toHaveTextContent("2");
    expect(screen.getByRole("link", { name: "Abrir as configurações de estacionamento de chamadas: Campinas" })).toBeInTheDocument();
    expect(countButton(/Grupos que não conseguem estacionar/)).toHaveTextContent("1");
  });
});
