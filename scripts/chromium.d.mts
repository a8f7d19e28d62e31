/** Where Debian and Ubuntu put their `chromium` package's browser. */
export declare const SYSTEM_CHROMIUM: readonly string[];
/** The Chromium to drive (E2E_CHROMIUM, Playwright's own, the system's); undefined when none. */
export declare function chromiumExecutable(): string | undefined;
