import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { LanguageCode } from "@/lib/i18n";
import { sessionQuery } from "@/lib/session";
import { callParkAgent } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import type { CallPark } from "@/features/call-parks/api/types";
import { renderGroupPanel } from "@/features/call-parks/routes/panel-test-render";
import { RenameNote } from "./rename-note";

// Before a group is deleted or renamed, its dialog says who its members are: they park
// calls in it with #58. Ten names at most, then how many more.

const members = (n: number) => Array.from({ length: n }, (_, i) => callParkAgent(`U${i + 1}`, `Member ${String(i + 1).padStart(2, "0")}`));

const groupWith = (agents: CallPark["agents"]): CallPark => ({
  id: "CP1",
  name: "Front desk",
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents,
  parkOnAgentsEnabled: false,
  callParkExtensions: [],
});

/** The side panel of a group of these members, as the full administrator; opens its delete dialog. */
async function openDelete(agents: CallPark["agents"], language: LanguageCode = "en") {
  const rendered = await renderGroupPanel(groupWith(agents), language);
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  const label = language === "en" ? "Delete group" : "Excluir grupo";
  await rendered.user.click(await screen.findByRole("button", { name: label }));
  return screen.findByRole("alertdialog");
}

const listed = (dialog: HTMLElement) => within(dialog).queryAllByRole("listitem").map((li) => li.textContent);

describe("the delete dialog of a call park group: its members", () => {
  it("names every member up to ten, with their count", async () => {
    const dialog = await openDelete(members(2));
    expect(within(dialog).getByText("It has 2 members, who park calls in it with #58:")).toBeInTheDocument();
    expect(listed(dialog)).toEqual(["Member 01", "Member 02"]);
  });

  it("past ten, names nine and says how many more", async () => {
    const dialog = await openDelete(members(36));
    expect(within(dialog).getByText("It has 36 members, who park calls in it with #58:")).toBeInTheDocument();
    expect(listed(dialog)).toEqual([...members(9).map((m) => m.displayName), "and 27 more"]);
  });

  it("says plainly when it has none", async () => {
    const dialog = await openDelete([]);
    expect(within(dialog).getByText("It has no members.")).toBeInTheDocument();
    expect(listed(dialog)).toEqual([]);
  });

  it("in Portuguese", async () => {
    const dialog = await openDelete(members(12), "pt-BR");
    expect(within(dialog).getByText("Ele tem 12 membros, que estacionam chamadas nele com #58:")).toBeInTheDocument();
    expect(listed(dialog).at(-1)).toBe("e mais 3");
    expect(within(dialog).getByRole("button", { name: "Excluir" })).toBeInTheDocument();
  });
});

describe("renaming a call park group: a note before Save", () => {
  it("names the old and new name and the members while the name differs", async () => {
    await renderWithProviders(<RenameNote from="Front desk" to="  Lobby " members={members(11)} />);
    const note = screen.getByRole("note");
    expect(within(note).getByText("Front desk will be called Lobby once saved. Its members keep parking calls in it with #58.")).toBeInTheDocument();
    expect(within(note).getByText("It has 11 members, who park calls in it with #58:")).toBeInTheDocument();
    expect(listed(note)).toEqual([...members(9).map((m) => m.displayName), "and 2 more"]);
  });

  it("says nothing while the name is unchanged (spaces aside) or empty", async () => {
    await renderWithProviders(
      <>
        <RenameNote from="Front desk" to=" Front desk " members={members(2)} />
        <RenameNote from="Front desk" to="  " members={members(2)} />
      </>,
    );
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("speaks Portuguese", async () => {
    await renderWithProviders(<RenameNote from="Front desk" to="Recepção" members={members(11)} />, { language: "pt-BR" });
    const note = screen.getByRole("note");
    expect(within(note).getByText("Front desk passará a se chamar Recepção quando você salvar. Seus membros continuam estacionando chamadas nele com #58.")).toBeInTheDocument();
    expect(within(note).getByText("Ele tem 11 membros, que estacionam chamadas nele com #58:")).toBeInTheDocument();
  });
});
