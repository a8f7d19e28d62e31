import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const FEATURES = ["audit-events", "auth", "call-park-extensions", "call-parks", "gateway", "import-jobs", "locations", "simulation"];

// Outside its own folder, a module is imported by alias (@/, @domain/, @server/), never by climbing.
const CLIMB = { group: ["../*", "../**"], message: "Import by alias (@/, @domain/, @server/) rather than climbing folders." };

// Every /v1 address is built from its entry in domain/api (urlOf, routePattern, mswPath), never
// written by hand: a literal starting with /v1 (or MSW's */v1) is refused outside that table.
// esquery regexes cannot hold a "/", hence \x2F.
const V1_LITERAL = "^\\*?\\x2Fv1\\b";
const V1_MESSAGE = "Build /v1 addresses from domain/api (callApi, urlOf, routePattern, mswPath), not by hand.";

// Imports run one way: src → domain and server → domain. domain imports only zod.
const boundary = (from, patterns) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  { ignores: ["dist/", "dist-server/", "node_modules/", "data/", "test-results/", "playwright-report/", ".test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  boundary("domain", [
    { group: ["@server/*", "@/*", "**/server/**", "**/src/**", "react", "react-*", "fastify*", "kysely", "better-sqlite3", "node:*"], message: "domain/ is pure: it imports zod and nothing else." },
    CLIMB,
  ]),
  boundary("server", [{ group: ["@/*", "**/src/**", "react", "react-dom"], message: "The server never imports the SPA." }, CLIMB]),
  // A shipped migration must do forever what it did when it shipped: literal values, no
  // constants that may change later. Only kysely (and, in index.ts, the migrations and their
  // PostgreSQL counterparts).
  boundary("server/db/migrations", [
    { regex: "^(?!kysely$|\\./\\d{4}-[a-z-]+(\\.postgres)?$)", message: "A migration holds literal values and imports only kysely." },
  ]),
  boundary("src", [
    { group: ["@server/*", "**/server/**", "fastify*", "kysely", "better-sqlite3"], message: "The SPA never imports the server." },
    CLIMB,
  ]),
  {
    files: ["src/**/*.{ts,tsx}", "server/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: `Literal[value=/${V1_LITERAL}/]`, message: V1_MESSAGE },
        { selector: `TemplateElement[value.raw=/${V1_LITERAL}/]`, message: V1_MESSAGE },
      ],
    },
  },
  // Features do not import each other; shared pieces move to components/, lib/ or domain/.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@server/*", "**/server/**", "fastify*", "kysely", "better-sqlite3"], message: "The SPA never imports the server." },
            CLIMB,
            {
              group: FEATURES.filter((f) => f !== feature).flatMap((f) => [`**/${f}`, `**/${f}/**`]),
              message: "Features do not import each other; move shared code to components/, lib/ or domain/.",
            },
          ],
        },
      ],
    },
  })),
);
