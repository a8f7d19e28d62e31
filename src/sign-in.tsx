// The sign-in page's entry (sign-in.html): React, i18n and the form, without the router and
// the query cache the app's screens need (index.html, src/main.tsx), about 40 KB of gzip
// JavaScript less on a first visit. Signed in, it leaves for the app with a full load: the
// app's page for that address then paints its frame from its HTML (scripts/vite-first-paint.ts).
import "virtual:interface-font.css";
import "@momentum-design/tokens/dist/css/theme/webex/light-stable.css";
import "@momentum-design/tokens/dist/css/theme/webex/dark-stable.css";
import "./app/app.css";
import "./app/first-paint.css";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "./lib/i18n";
import { nextAfterSignIn, stillSignedIn } from "./lib/signed-in";
import { applyTheme, storedTheme } from "./lib/theme";
import { SignInPage } from "./features/auth/sign-in-page";

applyTheme(storedTheme());
const goOn = () => window.location.replace(nextAfterSignIn(window.location.search));

// The language's files and the session (only if this browser held one) at once; the page's
// frame stays on screen meanwhile. Already signed in: straight on to where the user was going.
void Promise.all([initI18n(), stillSignedIn()]).then(([, signedIn]) => {
  if (signedIn) return goOn();
  const root = createRoot(document.getElementById("root")!);
  startTransition(() => {
    root.render(
      <StrictMode>
        <SignInPage onSignedIn={goOn} />
      </StrictMode>,
    );
  });
});
