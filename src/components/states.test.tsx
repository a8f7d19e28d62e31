import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { renderWithProviders } from "@/test/render";
import { ErrorState } from "./states";

describe("ErrorState", () => {
  it.each([
    ["en", "Tracking ID: TRK-9", "Copy tracking ID", "Copied"],
    ["pt-BR", "ID de rastreamento: TRK-9", "Copiar ID de rastreamento", "Copiado"],
  ] as const)("shows the tracking ID the message asks to quote, and copies it (%s)", async (language, label, copy, copied) => {
    const error = new ApiError(500, "internal", "Something went wrong", {}, [], "TRK-9");
    const { user } = await renderWithProviders(<ErrorState error={error} />, { language });
    expect(screen.getByRole("alert")).toHaveTextContent(label);
    await user.click(screen.getByRole("button", { name: copy }));
    expect(await navigator.clipboard.readText()).toBe("TRK-9");
    expect(await screen.findByText(copied)).toBeInTheDocument();
  });

  it("shows no tracking ID for an error that has none", async () => {
    await renderWithProviders(<ErrorState error={new Error("offline")} />);
    expect(screen.getByRole("alert")).not.toHaveTextContent("Tracking ID");
    expect(screen.queryByRole("button", { name: "Copy tracking ID" })).not.toBeInTheDocument();
  });
});
