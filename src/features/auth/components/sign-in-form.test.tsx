import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { SignInForm } from "./sign-in-form";

// Counts the loads of the sign-in contract (domain/schemas/auth, with zod): the form draws
// without it, and it loads once the administrator starts typing, ready for the submit.
const contract = vi.hoisted(() => ({ loads: 0 }));
vi.mock("@domain/schemas/auth", async (importOriginal) => {
  contract.loads++;
  return importOriginal();
});

describe("SignInForm", () => {
  it("draws without the form contract's code, and loads it once the administrator starts typing", async () => {
    const { user } = await renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText("Email address")).toHaveFocus();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(contract.loads).toBe(0);

    await user.type(screen.getByLabelText("Email address"), "a");
    await waitFor(() => expect(contract.loads).toBe(1));
  });
});
