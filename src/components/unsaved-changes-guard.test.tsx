import { act, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { Link } from "react-router";
import { describe, expect, it } from "vitest";
import { renderRoutes } from "@/test/render";
import { UnsavedChangesGuard } from "./unsaved-changes-guard";

const MESSAGES = { title: "Leave without saving?", body: "Your changes will be lost.", leave: "Leave", stay: "Stay" };

function Form() {
  const [edited, setEdited] = useState(false);
  return (
    <>
      <h1>Form</h1>
      <label>
        <input type="checkbox" checked={edited} onChange={(event) => setEdited(event.target.checked)} /> Edited
      </label>
      <Link to="/other">Other page</Link> <Link to="/form?tab=2">Second tab</Link>
      <UnsavedChangesGuard when={edited} messages={MESSAGES} />
    </>
  );
}

const routes = [
  { path: "/form", element: <Form /> },
  { path: "/other", element: <Link to="/form">Form page</Link> },
];

/** The form reached by a link from another page, so that Back has somewhere to go. */
async function editedForm() {
  const rendered = renderRoutes(routes, "/other");
  await rendered.user.click(await screen.findByRole("link", { name: "Form page" }));
  await rendered.user.click(await screen.findByRole("checkbox", { name: "Edited" }));
  return rendered;
}

describe("UnsavedChangesGuard", () => {
  it("asks before a link leaves the page: Stay keeps the page and its address, Leave follows the link", async () => {
    const { user, history } = await editedForm();
    await user.click(screen.getByRole("link", { name: "Other page" }));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(history.location.pathname).toBe("/form");

    await user.click(within(question).getByRole("button", { name: "Stay" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(history.location.pathname).toBe("/form");
    expect(screen.getByRole("checkbox", { name: "Edited" })).toBeChecked();

    await user.click(screen.getByRole("link", { name: "Other page" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Leave" }));
    expect(await screen.findByRole("link", { name: "Form page" })).toBeInTheDocument();
    expect(history.location.pathname).toBe("/other");
  });

  it("asks before Back leaves the page: Stay puts the address back, Leave goes back", async () => {
    const { user, history } = await editedForm();
    act(() => history.go(-1));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(history.location.pathname).toBe("/form");

    await user.click(within(question).getByRole("button", { name: "Stay" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("checkbox", { name: "Edited" })).toBeChecked();
    // Back from where the page stands still reaches the page before it: the entry was restored.
    act(() => history.go(-1));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Leave" }));
    expect(await screen.findByRole("link", { name: "Form page" })).toBeInTheDocument();
    expect(history.location.pathname).toBe("/other");
  });

  it("lets a move within the page (its search) and an unedited page go without asking", async () => {
    const { user, history } = await editedForm();
    await user.click(screen.getByRole("link", { name: "Second tab" }));
    await waitFor(() => expect(history.location.search).toBe("?tab=2"));
    await user.click(screen.getByRole("checkbox", { name: "Edited" }));
    await user.click(screen.getByRole("link", { name: "Other page" }));
    expect(await screen.findByRole("link", { name: "Form page" })).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});
