import { File as NodeFile } from "node:buffer";
import { vi } from "vitest";

/**
 * jsdom's File and FormData are not the ones Node's fetch (undici) reads: a jsdom file
 * in a jsdom FormData is sent as the text "undefined" named "blob". A test that uploads
 * files calls this (in beforeEach) so the page builds its FormData from Node's own
 * classes, as a browser uses its own: the multipart body then carries the real file.
 */
export async function useNodeFormData() {
  const probe = await new Response(new URLSearchParams()).formData();
  vi.stubGlobal("FormData", probe.constructor);
  vi.stubGlobal("File", NodeFile);
  return () => vi.unstubAllGlobals();
}
