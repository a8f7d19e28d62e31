import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { showToast, toastQueue } from "@/lib/toast";
import { renderWithProviders } from "@/test/render";
import { ToastOutlet } from "./toast-outlet";

// Counts the loads of the toast region's react-aria code, which waits for the first toast.
const region = vi.hoisted(() => ({ loads: 0 }));
vi.mock("./toast-region", async (importOriginal) => {
  region.loads++;
  return importOriginal();
});

afterEach(() => toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key)));

describe("ToastOutlet", () => {
  it("draws and loads nothing until the first toast, then shows it in the region, and keeps the region", async () => {
    await renderWithProviders(<ToastOutlet />);
    expect(region.loads).toBe(0);
    expect(screen.queryByRole("region")).not.toBeInTheDocument();

    act(() => showToast({ tone: "success", title: "Saved." }));
    expect(await screen.findByRole("region", { name: "Notifications" })).toHaveTextContent("Saved.");
    expect(region.loads).toBe(1);

    act(() => toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key)));
    await waitFor(() => expect(screen.queryByText("Saved.")).not.toBeInTheDocument());
    act(() => showToast({ tone: "error", title: "Not saved." }));
    expect(await screen.findByRole("region", { name: "Notifications" })).toHaveTextContent("Not saved.");
    expect(region.loads).toBe(1);
  });
});

describe("ToastOutlet: an error's tracking ID", () => {
  it.each([
    ["en", "Tracking ID: TRK-123", "Copy tracking ID", "Copied"],
    ["pt-BR", "ID de rastreamento: TRK-123", "Copiar ID de rastreamento", "Copiado"],
  ] as const)("shows it with a button that copies it (%s)", async (language, label, copy, copied) => {
    const { user } = await renderWithProviders(<ToastOutlet />, { language });
    act(() => showToast({ tone: "error", title: "Not saved.", trackingId: "TRK-123" }));
    const toasts = await screen.findByRole("region", { name: language === "en" ? "Notifications" : "Notificações" });
    expect(toasts).toHaveTextContent(label);
    await user.click(screen.getByRole("button", { name: copy }));
    expect(await navigator.clipboard.readText()).toBe("TRK-123");
    expect(await screen.findByText(copied)).toBeInTheDocument();
  });

  it("shows none for an error without one", async () => {
    await renderWithProviders(<ToastOutlet />);
    act(() => showToast({ tone: "error", title: "Not saved." }));
    expect(await screen.findByRole("region", { name: "Notifications" })).toHaveTextContent("Not saved.");
    expect(screen.queryByRole("button", { name: "Copy tracking ID" })).not.toBeInTheDocument();
  });
});
