// What every screen asks for first — the session and the language's shared translation files —
// is requested by index.html's first-paint script (scripts/vite-first-paint.ts) as the HTML
// arrives, beside the app's code rather than after it has loaded and run: on a slow phone that
// takes a whole round trip and more off the first screen. The app takes each response once,
// where it would otherwise have fetched it (the API client, the translation backend). This
// module imports nothing, so the build's script can share its names.

/** Where the first-paint script leaves its requests: `window[EARLY_FETCHES][url]`. */
export const EARLY_FETCHES = "__callParkAdminEarlyFetches";

/** This browser's note that it holds a session (lib/session.ts): on the sign-in page, only then is the session asked for early. */
export const SIGNED_IN_NOTE = "callParkAdmin.signedIn";

/** What every screen uses: the shell's and sign-in's words, messages and field errors. */
export const INITIAL_NAMESPACES = ["common", "validation", "errors", "auth"];

/** The response the first-paint script already asked for at `url`, handed out once; then undefined. */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  const early = (globalThis as unknown as Record<string, Record<string, Promise<Response>> | undefined>)[EARLY_FETCHES];
  const response = early?.[url];
  if (response) delete early[url];
  return response;
}
