// The HTML pages the build writes beside index.html for the screens that paint their frame
// before their code loads (scripts/vite-first-paint.ts), and which the server sends for those
// addresses (http/static.ts). Shared by both, so that the two name each page alike.

/** The folder of the pages that draw the signed-in shell: sent only to a request that carries a session. */
export const SIGNED_IN_PAGES = "signed-in";

/** The file, inside the build's folder, of the page for the address `pathname`: sign-in.html for /sign-in. */
export function pageFileOf(pathname: string, signedIn: boolean): string {
  return `${signedIn ? SIGNED_IN_PAGES : ""}${pathname}.html`.replace(/^\//, "");
}
