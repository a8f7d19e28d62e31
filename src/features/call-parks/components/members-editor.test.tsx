import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { callParkAgent, LOCATIONS } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import type { Agent } from "@/features/call-parks/api/types";
import { MembersEditor } from "./members-editor";

const ANA = callParkAgent("U1", "Ana Souza", { external: "+551130001001", extension: "1001" });
const LOBBY = callParkAgent("W1", "Lobby phone", { type: "PLACE", extension: "2001" });
const NIGHT = callParkAgent("V1", "Night line", { type: "VIRTUAL_LINE", external: "+551130009999" });
const BRUNO = callParkAgent("U2", "Bruno Lima", { extension: "1002", callParkName: "Sales" });

/** availableUsers answering `agents`; keeps each request's query. */
function usersAnswering(agents: Agent[]) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.callParks.availableUsers), ({ request, params }) => {
      expect(params.locationId).toBe("L1");
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ agents });
    }),
    // The location (in Brazil): its numbers read nationally.
    http.get(mswPath(api.locations.get), () => HttpResponse.json(LOCATIONS[0])),
  );
  return queries;
}

function Harness({ initial = [], callParkId, onChange }: { initial?: Agent[]; callParkId?: string; onChange: (a: Agent[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <MembersEditor
      idPrefix="test"
      locationId="L1"
      callParkId={callParkId}
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
}

async function renderEditor(props: { initial?: Agent[]; callParkId?: string } = {}) {
  const onChange = vi.fn();
  const rendered = await renderWithProviders(<Harness onChange={onChange} {...props} />);
  return { ...rendered, onChange };
}

const results = () => screen.getByRole("region", { name: "Available members" });
const resultItem = async (name: string) => (await within(results()).findByText(name)).closest("li")!;
const search = () => screen.getByRole("searchbox", { name: "Search members" });

describe("MembersEditor: what it asks the server", () => {
  it("includes members of other groups and this group's own, then searches by name or by number", async () => {
    const queries = usersAnswering([ANA]);
    const { user } = await renderEditor({ callParkId: "CP9" });
    await resultItem("Ana Souza");
    const first = Object.fromEntries(queries[0]);
    expect(first).toMatchObject({ includeAssigned: "true", callParkId: "CP9" });
    expect(first).not.toHaveProperty("name");
    expect(first).not.toHaveProperty("phoneNumber");

    await user.type(search(), "ana");
    await waitFor(() => expect(queries.at(-1)?.get("name")).toBe("ana"));
    expect(queries.at(-1)?.has("phoneNumber")).toBe(false);
    expect(queries.at(-1)?.get("includeAssigned")).toBe("true");
    expect(queries.at(-1)?.get("callParkId")).toBe("CP9");

    await user.clear(search());
    await user.type(search(), "1001");
    await waitFor(() => expect(queries.at(-1)?.get("phoneNumber")).toBe("1001"));
    expect(queries.at(-1)?.has("name")).toBe(false);
    expect(queries.at(-1)?.get("includeAssigned")).toBe("true");

    await user.clear(search());
    await user.type(search(), "+5511");
    await waitFor(() => expect(queries.at(-1)?.get("phoneNumber")).toBe("+5511"));
    expect(queries.at(-1)?.has("name")).toBe(false);
  });

  it("sends no callParkId when it has none", async () => {
    const queries = usersAnswering([ANA]);
    await renderEditor();
    await resultItem("Ana Souza");
    expect(queries[0].has("callParkId")).toBe(false);
    expect(queries[0].get("includeAssigned")).toBe("true");
  });
});

describe("MembersEditor: results", () => {
  it("shows each member's type and numbers", async () => {
    usersAnswering([ANA, LOBBY, NIGHT]);
    await renderEditor();

    const ana = await resultItem("Ana Souza");
    expect(within(ana).getByText("Person")).toBeInTheDocument();
    expect(within(ana).getByTitle("+551130001001")).toHaveTextContent(/^\(11\) 3000-1001$/);
    expect(within(ana).getByText("· ext. 1001")).toBeInTheDocument();
    const lobby = await resultItem("Lobby phone");
    expect(within(lobby).getByText("Workspace")).toBeInTheDocument();
    expect(within(lobby).getByText("ext. 2001")).toBeInTheDocument();
    const night = await resultItem("Night line");
    expect(within(night).getByText("Virtual line")).toBeInTheDocument();
    expect(within(night).getByTitle("+551130009999")).toHaveTextContent(/^\(11\) 3000-9999$/);
  });

  it("names the group a member already belongs to and does not let it be added", async () => {
    usersAnswering([ANA, BRUNO]);
    const { user, onChange } = await renderEditor();

    const bruno = await resultItem("Bruno Lima");
    expect(within(bruno).getByText("Already in call park group Sales")).toBeInTheDocument();
    const addBruno = within(bruno).getByRole("button", { name: "Add Bruno Lima" });
    expect(addBruno).toBeDisabled();
    await user.click(addBruno);
    expect(onChange).not.toHaveBeenCalled();

    const ana = await resultItem("Ana Souza");
    expect(within(ana).queryByText(/Already in call park group/)).not.toBeInTheDocument();
    expect(within(ana).getByRole("button", { name: "Add Ana Souza" })).toBeEnabled();
  });

  it("adds a member, no longer offers it, and removes it again", async () => {
    usersAnswering([ANA, LOBBY]);
    const { user, onChange } = await renderEditor();
    expect(screen.getByText("No members yet.")).toBeInTheDocument();

    await user.click(within(await resultItem("Ana Souza")).getByRole("button", { name: "Add Ana Souza" }));
    expect(onChange).toHaveBeenLastCalledWith([ANA]);
    const chosen = screen.getByRole("region", { name: "1 member" });
    expect(within(chosen).getByText("Ana Souza")).toBeInTheDocument();
    expect(within(chosen).getByTitle("+551130001001")).toHaveTextContent(/^\(11\) 3000-1001$/);
    expect(within(results()).queryByText("Ana Souza")).not.toBeInTheDocument();
    expect(within(results()).getByRole("button", { name: "Add Lobby phone" })).toBeEnabled();

    await user.click(within(chosen).getByRole("button", { name: "Remove Ana Souza" }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByText("No members yet.")).toBeInTheDocument();
    expect(within(results()).getByRole("button", { name: "Add Ana Souza" })).toBeEnabled();
  });

  it("does not offer members already chosen", async () => {
    usersAnswering([ANA, LOBBY]);
    await renderEditor({ initial: [LOBBY] });
    await resultItem("Ana Souza");
    expect(within(results()).queryByText("Lobby phone")).not.toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "1 member" })).getByText("Lobby phone")).toBeInTheDocument();
  });
});

describe("MembersEditor: the keyboard", () => {
  it("keeps focus in the results after Add: on the next member's Add, then the one before, then the heading", async () => {
    usersAnswering([ANA, LOBBY, NIGHT]);
    const { user } = await renderEditor();
    await resultItem("Ana Souza");
    screen.getByRole("button", { name: "Add Ana Souza" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add Lobby phone" })).toHaveFocus());
    screen.getByRole("button", { name: "Add Night line" }).focus();
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add Lobby phone" })).toHaveFocus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("heading", { name: "Available members" })).toHaveFocus());
  });
});
