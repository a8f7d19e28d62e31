import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { Pagination } from "./pagination";

describe("pagination: counts in the user's language", () => {
  it.each([
    ["pt-BR", "1.001–1.025 de 12.345"],
    ["en", "1,001–1,025 of 12,345"],
  ] as const)("%s: the range shown", async (language, range) => {
    await renderWithProviders(<Pagination page={40} pageSize={25} total={12345} onPageChange={() => {}} />, { language });
    expect(screen.getByText(range)).toBeInTheDocument();
  });
});
