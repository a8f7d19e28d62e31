import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { parkDestination } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import type { ParkExtension } from "@/features/call-parks/api/types";
import { DestinationsEditor } from "./destinations-editor";

const RECEPTION = parkDestination("CPE1", "Reception park", "5001");
const DOCK = parkDestination("CPE2", "Loading dock", "5002");
const ANNEX = parkDestination("CPE3", "Annex", "5003");

/** availableCallParkExtensions answering `items`; keeps each request's query. */
function extensionsAnswering(items: ParkExtension[]) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.callParks.availableCallParkExtensions), ({ request, params }) => {
      expect(params.locationId).toBe("L1");
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ callParkExtensions: items });
    }),
  );
  return queries;
}

/** The editor holding its value as a parent would, reporting each change. */
function Harness({
  initial = [],
  parkOnAgents = false,
  callParkId,
  onChange,
  onParkOnAgentsChange,
}: {
  initial?: ParkExtension[];
  parkOnAgents?: boolean;
  callParkId?: string;
  onChange: (extensions: ParkExtension[]) => void;
  onParkOnAgentsChange: (next: boolean) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <DestinationsEditor
      idPrefix="test"
      locationId="L1"
      callParkId={callParkId}
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
      parkOnAgents={parkOnAgents}
      onParkOnAgentsChange={onParkOnAgentsChange}
    />
  );
}

async function renderEditor(props: Partial<Parameters<typeof Harness>[0]> = {}) {
  const onChange = vi.fn();
  const onParkOnAgentsChange = vi.fn();
  const rendered = await renderWithProviders(
    <Harness onChange={onChange} onParkOnAgentsChange={onParkOnAgentsChange} {...props} />,
  );
  return { ...rendered, onChange, onParkOnAgentsChange };
}

const results = () => screen.getByRole("region", { name: "Available call park extensions" });
const chosenItems = (count: number) =>
  within(screen.getByRole("region", { name: `${count} park destination${count === 1 ? "" : "s"}` }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("DestinationsEditor: choosing call park extensions", () => {
  it("adds from the location's available extensions, numbering them in the order added", async () => {
    const queries = extensionsAnswering([RECEPTION, DOCK, ANNEX]);
    const { user, onChange } = await renderEditor({ callParkId: "CP9" });
    expect(screen.getByText("No park destinations yet.")).toBeInTheDocument();

    await user.click(await within(results()).findByRole("button", { name: "Add Loading dock" }));
    expect(onChange).toHaveBeenLastCalledWith([DOCK]);
    await user.click(within(results()).getByRole("button", { name: "Add Reception park" }));
    expect(onChange).toHaveBeenLastCalledWith([DOCK, RECEPTION]);

    expect(chosenItems(2)).toEqual([
      expect.stringMatching(/^1\.Loading dockext\. 5002/),
      expect.stringMatching(/^2\.Reception parkext\. 5001/),
    ]);
    // What is chosen is no longer offered.
    expect(within(results()).queryByRole("button", { name: "Add Loading dock" })).not.toBeInTheDocument();
    expect(within(results()).queryByRole("button", { name: "Add Reception park" })).not.toBeInTheDocument();
    expect(within(results()).getByRole("button", { name: "Add Annex" })).toBeEnabled();
    expect(Object.fromEntries(queries[0])).toMatchObject({ callParkId: "CP9" });
  });

  it("searches by the text typed", async () => {
    const queries = extensionsAnswering([ANNEX]);
    const { user } = await renderEditor();
    await within(results()).findByRole("button", { name: "Add Annex" });
    expect(queries[0].has("name")).toBe(false);

    await user.type(screen.getByRole("searchbox", { name: "Search call park extensions" }), "ann");
    await waitFor(() => expect(queries.at(-1)?.get("name")).toBe("ann"));
  });

  it("moves a destination up or down, the first never up and the last never down", async () => {
    extensionsAnswering([]);
    const { user, onChange } = await renderEditor({ initial: [RECEPTION, DOCK, ANNEX] });

    expect(screen.getByRole("button", { name: "Move Reception park up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Reception park down" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Move Loading dock up" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Move Loading dock down" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Move Annex up" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Move Annex down" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Move Annex up" }));
    expect(onChange).toHaveBeenLastCalledWith([RECEPTION, ANNEX, DOCK]);
    expect(chosenItems(3)).toEqual([
      expect.stringMatching(/^1\.Reception park/),
      expect.stringMatching(/^2\.Annex/),
      expect.stringMatching(/^3\.Loading dock/),
    ]);
    expect(screen.getByRole("button", { name: "Move Loading dock down" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Annex down" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Move Reception park down" }));
    expect(onChange).toHaveBeenLastCalledWith([ANNEX, RECEPTION, DOCK]);
    expect(chosenItems(3)).toEqual([
      expect.stringMatching(/^1\.Annex/),
      expect.stringMatching(/^2\.Reception park/),
      expect.stringMatching(/^3\.Loading dock/),
    ]);
    expect(screen.getByRole("button", { name: "Move Annex up" })).toBeDisabled();
  });

  it("removes a destination, which the search offers again", async () => {
    extensionsAnswering([RECEPTION, DOCK]);
    const { user, onChange } = await renderEditor({ initial: [RECEPTION, DOCK] });
    await within(results()).findByText("No available call park extension matches.");

    await user.click(screen.getByRole("button", { name: "Remove Reception park" }));
    expect(onChange).toHaveBeenLastCalledWith([DOCK]);
    expect(chosenItems(1)).toEqual([expect.stringMatching(/^1\.Loading dock/)]);
    expect(within(results()).getByRole("button", { name: "Add Reception park" })).toBeEnabled();
  });
});

describe("DestinationsEditor: the members as park destinations", () => {
  it("asks its parent to tick the box, which decides", async () => {
    extensionsAnswering([RECEPTION]);
    const { user, onParkOnAgentsChange } = await renderEditor({ initial: [DOCK] });
    const box = screen.getByRole("checkbox", { name: "Use members as park destinations" });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(
      "Calls park on the members' own extensions instead of call park extensions.",
    );

    await user.click(box);
    expect(onParkOnAgentsChange).toHaveBeenCalledExactlyOnceWith(true);
    expect(box).not.toBeChecked();
  });

  it("hides the search and the list, and searches nothing, while the members are the destinations", async () => {
    const recorder = recordRequests();
    extensionsAnswering([RECEPTION]);
    const { user, onParkOnAgentsChange } = await renderEditor({ parkOnAgents: true });
    const box = screen.getByRole("checkbox", { name: "Use members as park destinations" });
    expect(box).toBeChecked();
    expect(screen.queryByRole("searchbox", { name: "Search call park extensions" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Available call park extensions" })).not.toBeInTheDocument();
    expect(screen.queryByText("No park destinations yet.")).not.toBeInTheDocument();

    await user.click(box);
    expect(onParkOnAgentsChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(recorder.requests).toEqual([]);
  });
});

describe("DestinationsEditor: the keyboard", () => {
  it("keeps focus in the results after Add, on the extension that took the added one's place", async () => {
    extensionsAnswering([RECEPTION, DOCK, ANNEX]);
    const { user } = await renderEditor();
    await within(results()).findByText("Reception park");
    screen.getByRole("button", { name: "Add Reception park" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add Loading dock" })).toHaveFocus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add Annex" })).toHaveFocus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("heading", { name: "Available call park extensions" })).toHaveFocus());
  });
});
