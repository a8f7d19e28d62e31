// Momentum's Inter, as a Latin subset made at build time (scripts/vite-font-subset.ts).
import "virtual:interface-font.css";
import "@momentum-design/tokens/dist/css/theme/webex/light-stable.css";
import "@momentum-design/tokens/dist/css/theme/webex/dark-stable.css";
import "./app/app.css";
import "./app/first-paint.css";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { Providers } from "./app/providers";
import { AppRouter, createAppHistory } from "./app/router";
import { initI18n } from "./lib/i18n";
import { applyTheme, storedTheme } from "./lib/theme";

applyTheme(storedTheme());
// Everything the first screen waits for is asked for here, at once: the language's files
// (i18n detects the language and requests them now), then, as the history is made, the
// session, the screen's code and its own namespaces (its routes' loads, in parallel).
void initI18n();
const history = createAppHistory();

// The first render as a transition: React renders the screen in slices of a few milliseconds,
// yielding to the browser between them, instead of one long task that a slow phone spends
// half a second in (Lighthouse's Total Blocking Time). Until it commits, index.html's first
// paint stays on screen.
const root = createRoot(document.getElementById("root")!);
startTransition(() => {
  root.render(
    <StrictMode>
      <Providers>
        <AppRouter history={history} />
      </Providers>
    </StrictMode>,
  );
});
