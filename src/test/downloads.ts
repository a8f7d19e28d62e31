import { afterEach, beforeEach, vi } from "vitest";

/**
 * The files a test's screen downloads (lib/download: a blob URL clicked on an anchor), kept
 * instead of saved: call it in a describe block; the array it answers fills as files go.
 */
export function captureDownloads(): Blob[] {
  const saved: Blob[] = [];
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return `blob:test/${saved.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());
  return saved;
}
