import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { AuditEvent } from "@domain/schemas/audit-event";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { AUDIT_LOG_PATH, auditLogPath } from "@/lib/paths";
import { apiErrorResponse } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { gatewayStatusHandler } from "@/test/session";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import { gatewayStatusQuery } from "@/lib/session";
import AuditLogRoute from "./audit-events-route";

const MARKUP = `<img src=x onerror=alert(1)>`;

function auditEvent(id: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    time: "2025-03-12T14:05:09.000Z",
    actorId: "P1",
    actorName: "Morgan Reyes",
    actorEmail: "admin@acme.example",
    sourceIp: "203.0.113.7",
    action: "UPDATE",
    objectType: "callParkExtension",
    objectId: `CPE-${id}`,
    objectName: "Dock 2",
    locationId: "L1",
    locationName: "San Jose HQ",
    before: { name: "Dock 1", extension: "7101" },
    after: { name: "Dock 2", extension: "7101" },
    trackingId: `TRACK_${id}`,
    origin: "app",
    ...overrides,
  };
}

const ACTORS = [
  { id: "P1", displayName: "Morgan Reyes", email: "admin@acme.example" },
  { id: "P2", displayName: "Riley Chen", email: "readonly@acme.example" },
];

/** The audit log answering `items` (and the people filter); keeps each list request's query. */
function auditAnswering(items: AuditEvent[], total = items.length) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.auditEvents.actors), () => HttpResponse.json({ items: ACTORS })),
    http.get(mswPath(api.auditEvents.list), ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(total) } });
    }),
  );
  return queries;
}

const renderAuditLog = (search = "", language: "en" | "pt-BR" = "en") =>
  renderWithProviders(<AuditLogRoute />, { url: `${AUDIT_LOG_PATH}${search}`, path: AUDIT_LOG_PATH, language });

const rowOf = (text: string) => screen.getByText(text, { selector: ".audit-object-name" }).closest("tr")!;

describe("Audit log", () => {
  it("lists each change: when, who, the translated action and object, location and address", async () => {
    auditAnswering([auditEvent("E1")]);
    await renderAuditLog();
    expect(await screen.findByRole("heading", { level: 1, name: "Audit log" })).toBeInTheDocument();
    await screen.findByText("Dock 2");
    const cells = within(rowOf("Dock 2")).getAllByRole("cell").map((c) => plainSpaces(c.textContent));
    const when = expectedDateTime("2025-03-12T14:05:09.000Z", "en");
    expect(cells.slice(1)).toEqual([
      when,
      "Morgan Reyesadmin@acme.example",
      "Updated",
      "Call park extensionDock 2",
      "San Jose HQ",
      "203.0.113.7",
    ]);
  });

  it("puts each filter in the URL and in the API's query, the days as the user's own day bounds", async () => {
    const queries = auditAnswering([auditEvent("E1")]);
    const { user, history } = await renderAuditLog();
    await screen.findByText("Dock 2");
    expect(queries[0].get("max")).toBe("100");
    expect(queries[0].has("objectType")).toBe(false);

    await user.selectOptions(screen.getByLabelText("Object type"), "Call park groups");
    await waitFor(() => expect(history.location.search).toBe("?objectType=callPark"));
    await waitFor(() => expect(queries.at(-1)?.get("objectType")).toBe("callPark"));

    await screen.findByRole("option", { name: "Riley Chen (readonly@acme.example)" });
    await user.selectOptions(screen.getByLabelText("Person"), "Riley Chen (readonly@acme.example)");
    await waitFor(() => expect(queries.at(-1)?.get("actorId")).toBe("P2"));

    fireEvent.change(screen.getByLabelText("From date"), { target: { value: "2025-03-12" } });
    fireEvent.change(screen.getByLabelText("To date"), { target: { value: "2025-03-12" } });
    await waitFor(() => expect(queries.at(-1)?.get("to")).toBe(new Date(2025, 2, 12, 23, 59, 59, 999).toISOString()));
    expect(queries.at(-1)?.get("from")).toBe(new Date(2025, 2, 12, 0, 0, 0, 0).toISOString());
    const url = new URLSearchParams(history.location.search);
    expect(Object.fromEntries(url)).toEqual({ objectType: "callPark", actorId: "P2", from: "2025-03-12", to: "2025-03-12" });

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.location.search).toBe(""));
    expect(screen.getByLabelText("Object type")).toHaveValue("");
    expect(screen.getByLabelText("From date")).toHaveValue("");
  });

  it("opens on the filters and page the URL names", async () => {
    const queries = auditAnswering([auditEvent("E1")], 250);
    await renderAuditLog("?objectType=importJob&start=100");
    await screen.findByText("Dock 2");
    expect(queries[0].get("objectType")).toBe("importJob");
    expect(queries[0].get("start")).toBe("100");
    expect(screen.getByLabelText("Object type")).toHaveValue("importJob");
    expect(screen.getByText("101–200 of 250")).toBeInTheDocument();
  });

  it("sorts by when, who, action and object on the server, kept in the URL, both ways, from the first row", async () => {
    const queries = auditAnswering([auditEvent("E1")], 250);
    const { user, history } = await renderAuditLog("?actorId=P1&start=100");
    await screen.findByText("Dock 2");
    expect(Object.fromEntries(queries[0])).toMatchObject({ order: "time-desc", start: "100", actorId: "P1" });
    expect(screen.getByRole("columnheader", { name: "When" })).toHaveAttribute("aria-sort", "descending");
    for (const name of ["Who", "Action", "Object"]) expect(screen.getByRole("columnheader", { name })).toHaveAttribute("aria-sort", "none");
    // Where and from which address are not sorted.
    expect(screen.getByRole("columnheader", { name: "Location" })).not.toHaveAttribute("aria-sort");

    await user.click(within(screen.getByRole("columnheader", { name: "Who" })).getByRole("button", { name: "Who" }));
    await waitFor(() => expect(history.location.search).toBe("?actorId=P1&sort=actorName-asc"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("actorName-asc"));
    expect(queries.at(-1)?.get("start")).toBe("0");
    await waitFor(() => expect(screen.getByRole("columnheader", { name: "Who" })).toHaveAttribute("aria-sort", "ascending"));
    expect(screen.getByRole("columnheader", { name: "When" })).toHaveAttribute("aria-sort", "none");

    // From the keyboard, the same button turns the order round.
    within(screen.getByRole("columnheader", { name: "Who" })).getByRole("button").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("actorName-desc"));
    await waitFor(() => expect(screen.getByRole("columnheader", { name: "Who" })).toHaveAttribute("aria-sort", "descending"));

    await user.click(within(screen.getByRole("columnheader", { name: "Action" })).getByRole("button"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("action-asc"));
    await user.click(within(screen.getByRole("columnheader", { name: "Object" })).getByRole("button"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("objectType-asc"));
    await user.click(within(screen.getByRole("columnheader", { name: "When" })).getByRole("button"));
    await waitFor(() => expect(history.location.search).toBe("?actorId=P1"));
    await user.click(within(screen.getByRole("columnheader", { name: "When" })).getByRole("button"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("time-asc"));

    // Clearing the filters leaves the sort, which is not one of them.
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.location.search).toBe("?sort=time-asc"));
    await waitFor(() => expect(queries.at(-1)?.has("actorId")).toBe(false));
    expect(queries.at(-1)?.get("order")).toBe("time-asc");
  });

  it("opens on the sort the URL names", async () => {
    const queries = auditAnswering([auditEvent("E1")]);
    await renderAuditLog("?sort=objectType-desc");
    await screen.findByText("Dock 2");
    expect(queries[0].get("order")).toBe("objectType-desc");
    expect(screen.getByRole("columnheader", { name: "Object" })).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("button", { name: "Clear filters" })).toBeDisabled();
  });

  it("expands a row to its before and after, the changed field marked", async () => {
    auditAnswering([auditEvent("E1")]);
    const { user } = await renderAuditLog();
    await screen.findByText("Dock 2");
    const toggle = screen.getByRole("button", { name: "Details of Updated Call park extension Dock 2" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const table = screen.getByRole("table", { name: "Before and after" });
    const name = within(table).getByRole("rowheader", { name: /^Name/ }).closest("tr")!;
    expect(within(name).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Dock 1", "Dock 2"]);
    expect(within(name).getByText("Changed")).toBeInTheDocument();
    const extension = within(table).getByRole("rowheader", { name: "Extension" }).closest("tr")!;
    expect(within(extension).queryByText("Changed")).not.toBeInTheDocument();
    expect(screen.getByText("TRACK_E1")).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.queryByRole("table", { name: "Before and after" })).not.toBeInTheDocument();
  });

  it("words values as text: lists joined, yes and no, codes translated, a missing side a dash", async () => {
    auditAnswering([
      auditEvent("E1", {
        action: "CREATE",
        objectType: "callPark",
        objectName: "Lobby",
        before: undefined,
        after: { name: "Lobby", recallOption: "ALERT_PARKING_USER_ONLY", parkOnAgentsEnabled: false, agents: ["Ana", "Bo"], custom: 3 },
      }),
    ]);
    const { user } = await renderAuditLog();
    await user.click(await screen.findByRole("button", { name: /Details of Created Call park group Lobby/ }));
    const rows = within(screen.getByRole("table", { name: "Before and after" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Name", "—", "Lobby"],
      ["Recall option", "—", "Alert parking user only"],
      ["Use members as park destinations", "—", "No"],
      ["Members", "—", "Ana, Bo"],
      ["custom", "—", "3"],
    ]);
    expect(screen.queryByText("Changed")).not.toBeInTheDocument();
  });

  it("links a bulk import to its task", async () => {
    auditAnswering([
      auditEvent("E2", {
        action: "IMPORT",
        objectType: "importJob",
        objectName: "audit.csv",
        locationId: undefined,
        locationName: undefined,
        before: undefined,
        after: { fileName: "audit.csv", mode: "partial", rows: 2 },
        taskId: "JOB 7",
      }),
    ]);
    await renderAuditLog();
    const link = await screen.findByRole("link", { name: "View task audit.csv" });
    expect(link).toHaveAttribute("href", "/tasks/JOB%207");
    expect(within(rowOf("audit.csv")).getByText("Imported")).toBeInTheDocument();
    expect(within(rowOf("audit.csv")).getByText("Bulk import")).toBeInTheDocument();
  });

  it("links a call park group import to its task among the group imports, and says what it imported", async () => {
    auditAnswering([
      auditEvent("E2", {
        action: "IMPORT",
        objectType: "importJob",
        objectName: "groups.csv",
        locationId: undefined,
        locationName: undefined,
        before: undefined,
        after: { fileName: "groups.csv", mode: "partial", rows: 2, kind: "callParks" },
        taskId: "JOB 8",
      }),
    ]);
    const { user } = await renderAuditLog();
    const link = await screen.findByRole("link", { name: "View task groups.csv" });
    expect(link).toHaveAttribute("href", "/tasks/JOB%208?kind=callParks");
    await user.click(screen.getByRole("button", { name: /^Details of .*groups\.csv$/ }));
    const details = within(screen.getByRole("table", { name: "Before and after" }));
    expect(details.getByRole("row", { name: /Imported/ })).toHaveTextContent("Call park groups");
  });

  it("shows markup in names as literal text, never as elements", async () => {
    auditAnswering([
      auditEvent("E3", {
        actorName: MARKUP,
        objectName: MARKUP,
        before: { name: "Dock" },
        after: { name: MARKUP },
      }),
    ]);
    const { user, container } = await renderAuditLog();
    expect(await screen.findByText(MARKUP, { selector: ".audit-object-name" })).toBeInTheDocument();
    expect(screen.getByText(MARKUP, { selector: ".audit-actor" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `Details of Updated Call park extension ${MARKUP}` }));
    expect(within(screen.getByRole("table", { name: "Before and after" })).getByText(MARKUP)).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
  });

  it("says when no change matches", async () => {
    auditAnswering([]);
    await renderAuditLog("?objectType=accessToken");
    expect(await screen.findByText("No changes match these filters")).toBeInTheDocument();
  });

  it("shows the server's refusal of the dates on the date field", async () => {
    server.use(
      http.get(mswPath(api.auditEvents.actors), () => HttpResponse.json({ items: ACTORS })),
      http.get(mswPath(api.auditEvents.list), () => apiErrorResponse(400, "validation", { issues: [{ path: ["to"], code: "dateRange", params: {} }] })),
    );
    await renderAuditLog("?from=2025-03-12&to=2025-03-01");
    const message = await screen.findByText("The end date must not be before the start date.");
    expect(screen.getByLabelText("To date")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("To date")).toHaveAttribute("aria-describedby", message.id);
    expect(screen.getByRole("alert")).toBeInTheDocument();
  });

  it("sends one object's history from the URL and names the object after its newest entry", async () => {
    const queries = auditAnswering([auditEvent("E1", { objectId: "CPE 7" }), auditEvent("E0", { objectId: "CPE 7", objectName: "Dock 1" })]);
    await renderAuditLog(`?${new URLSearchParams({ objectId: "CPE 7", actorId: "P1" })}`);
    await screen.findByText("Dock 2");
    expect(queries[0].get("objectId")).toBe("CPE 7");
    expect(queries[0].get("actorId")).toBe("P1");
    expect(screen.getByRole("status")).toHaveTextContent("Showing the history of one object: Dock 2 (Call park extension)");
    expect(screen.getByRole("button", { name: "Clear filters" })).toBeEnabled();
  });

  it("says it shows one object's history, without a name, when the object has no entries", async () => {
    auditAnswering([]);
    await renderAuditLog("?objectId=GONE");
    expect(await screen.findByText("No changes match these filters")).toBeInTheDocument();
    expect(within(screen.getByRole("status")).getByText("Showing the history of one object")).toBeInTheDocument();
  });

  it("Show all objects removes only the object, keeping the other filters", async () => {
    const queries = auditAnswering([auditEvent("E1")], 250);
    const { user, history } = await renderAuditLog(`?${new URLSearchParams({ objectType: "callParkExtension", objectId: "CPE-E1", actorId: "P1", start: "100" })}`);
    await screen.findByText("Dock 2");
    await user.click(screen.getByRole("button", { name: "Show all objects" }));
    await waitFor(() => expect(history.location.search).toBe("?objectType=callParkExtension&actorId=P1"));
    await waitFor(() => expect(queries.at(-1)?.has("objectId")).toBe(false));
    expect(queries.at(-1)?.get("objectType")).toBe("callParkExtension");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("Clear filters removes the object too", async () => {
    auditAnswering([auditEvent("E1")]);
    const { user, history } = await renderAuditLog("?objectId=CPE-E1&actorId=P1");
    await screen.findByText("Dock 2");
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.location.search).toBe(""));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("an entry's details link to its object's whole history, other filters dropped, from the first page", async () => {
    const queries = auditAnswering([auditEvent("E1", { objectId: "CPE 9" })], 250);
    const { user, history } = await renderAuditLog("?actorId=P1&start=100");
    await user.click(await screen.findByRole("button", { name: "Details of Updated Call park extension Dock 2" }));
    const link = screen.getByRole("link", { name: "Show this object's history: Call park extension Dock 2" });
    expect(link).toHaveTextContent("Show this object's history");
    await user.click(link);
    await waitFor(() => expect(history.location.search).toBe("?objectId=CPE+9"));
    await waitFor(() => expect(queries.at(-1)?.get("objectId")).toBe("CPE 9"));
    expect(queries.at(-1)?.get("start")).toBe("0");
    expect(queries.at(-1)?.get("actorId")).toBeNull();
    expect(await screen.findByRole("status")).toHaveTextContent("Showing the history of one object: Dock 2 (Call park extension)");
    // Already showing that object's history: no link to itself.
    expect(screen.queryByRole("link", { name: /^Show this object's history/ })).not.toBeInTheDocument();
  });

  it("builds links to one object's history", () => {
    expect(auditLogPath({})).toBe(AUDIT_LOG_PATH);
    expect(auditLogPath({ objectId: "L 1", objectType: "callParkSettings" })).toBe("/audit-log?objectId=L+1&objectType=callParkSettings");
  });

  it("in Portuguese", async () => {
    auditAnswering([auditEvent("E1", { action: "DELETE", before: { name: "Dock 2" }, after: undefined })]);
    await renderAuditLog("", "pt-BR");
    expect(await screen.findByRole("heading", { level: 1, name: "Registro de auditoria" })).toBeInTheDocument();
    await screen.findByText("Dock 2");
    expect(screen.getByRole("columnheader", { name: "Quem" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Origem" })).toBeInTheDocument();
    expect(screen.getByText("Excluído")).toBeInTheDocument();
    expect(screen.getByText("Ramal de estacionamento de chamadas")).toBeInTheDocument();
    expect(screen.getByLabelText("Tipo de objeto")).toHaveDisplayValue("Todos os objetos");
    expect(screen.getByRole("button", { name: "Limpar filtros" })).toBeDisabled();
  });

  it("one object's history in Portuguese", async () => {
    auditAnswering([auditEvent("E1")]);
    await renderAuditLog("?objectId=CPE-E1", "pt-BR");
    await screen.findByText("Dock 2");
    expect(screen.getByRole("status")).toHaveTextContent("Mostrando o histórico de um objeto: Dock 2 (Ramal de estacionamento de chamadas)");
    expect(screen.getByRole("button", { name: "Mostrar todos os objetos" })).toBeInTheDocument();
  });
});

describe("Audit log: changes made outside Call Park Admin (Webex mode)", () => {
  const WEBEX: GatewayStatus = { mode: "webex", organization: { id: "ORG-W", displayName: "Acme Telecom" }, missingScopes: [], readOnly: false, syncing: false };
  const UPSTREAM = auditEvent("E9", {
    actorId: "WEBEX",
    actorName: "Webex",
    actorEmail: "",
    sourceIp: "",
    objectName: "Dock 9",
    origin: "upstream",
  });

  it("tags an entry found changed in Webex, next to its action", async () => {
    server.use(gatewayStatusHandler(WEBEX));
    auditAnswering([UPSTREAM, auditEvent("E1")]);
    await renderAuditLog();
    await screen.findByText("Dock 9");
    const action = within(rowOf("Dock 9")).getAllByRole("cell")[3];
    expect(action).toHaveTextContent("Updated Changed outside Call Park Admin");
    expect(within(rowOf("Dock 9")).getByText("Webex", { selector: ".audit-actor" })).toBeInTheDocument();
    expect(within(rowOf("Dock 2")).queryByText("Changed outside Call Park Admin")).not.toBeInTheDocument();
  });

  it("filters by where the change was made, kept in the URL and sent as origin", async () => {
    server.use(gatewayStatusHandler(WEBEX));
    const queries = auditAnswering([UPSTREAM]);
    const { user, history } = await renderAuditLog();
    await screen.findByText("Dock 9");
    expect(queries[0].has("origin")).toBe(false);
    const madeIn = await screen.findByLabelText("Made in");
    expect(madeIn).toHaveDisplayValue("Any");
    expect([...(madeIn as HTMLSelectElement).options].map((o) => o.text)).toEqual(["Any", "Call Park Admin", "Outside Call Park Admin"]);

    await user.selectOptions(madeIn, "Outside Call Park Admin");
    await waitFor(() => expect(history.location.search).toBe("?origin=upstream"));
    await waitFor(() => expect(queries.at(-1)?.get("origin")).toBe("upstream"));

    await user.selectOptions(madeIn, "Call Park Admin");
    await waitFor(() => expect(queries.at(-1)?.get("origin")).toBe("app"));
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.location.search).toBe(""));
    expect(madeIn).toHaveDisplayValue("Any");
  });

  it("opens on the origin the URL names (the badge's link), in Portuguese", async () => {
    server.use(gatewayStatusHandler(WEBEX));
    const queries = auditAnswering([UPSTREAM]);
    await renderAuditLog("?origin=upstream", "pt-BR");
    await screen.findByText("Dock 9");
    expect(queries[0].get("origin")).toBe("upstream");
    expect(await screen.findByLabelText("Onde foi feita")).toHaveDisplayValue("Fora do Call Park Admin");
    expect(within(rowOf("Dock 9")).getByText("Alterado fora do Call Park Admin")).toBeInTheDocument();
  });

  it("offers no such filter on a standalone server", async () => {
    auditAnswering([auditEvent("E1")]);
    const { queryClient } = await renderAuditLog();
    await screen.findByText("Dock 2");
    await waitFor(() => expect(queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
    expect(screen.queryByLabelText("Made in")).not.toBeInTheDocument();
  });
});
