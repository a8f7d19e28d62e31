import { interpolate, messageKeys } from "@domain/i18n/messages";
import { INITIAL_NAMESPACES, takeEarlyResponse } from "./early-fetch";

// The app's translations: JSON files per language and namespace under public/locales, in
// i18next's format (nested keys, `_zero`/`_one`/`_other` plural forms, `_context` forms,
// `{{value}}` and `{{value, number}}` placeholders, read as domain/i18n/messages.ts says,
// as the server reads them). This is what the app used of i18next and react-i18next: those
// two libraries cost 20 KB of gzip JavaScript on every page, a sixth of the first screen's
// budget.

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "pt-BR", label: "Português (Brasil)" },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]["code"];

export const LANGUAGE_STORAGE_KEY = "callParkAdmin.language";

export { INITIAL_NAMESPACES } from "./early-fetch";

/** The language whose words stand in for a missing one, and the namespace of a key without one. */
const FALLBACK_LANGUAGE: LanguageCode = "en";
const DEFAULT_NAMESPACE = "common";

/** What `t` reads besides the key: the count and context that pick a form, and the placeholders' values. */
export interface TOptions {
  count?: number;
  context?: string | number;
  defaultValue?: string;
  /** The namespaces looked in, in order, for a key that names none (`ns:key` names one). */
  ns?: string | readonly string[];
  [value: string]: unknown;
}

export type TFunction = (key: string, options?: TOptions) => string;

type Tree = Record<string, unknown>;

/** Where a language's namespace is served (public/locales, copied into the build). */
export const localePath = (language: string, namespace: string) => `/locales/${language}/${namespace}.json`;

/** A file the server failed to give (5xx, network) is asked again after 350 ms, then 700…, 5 times at most. */
const RETRIES = 5;
const FIRST_RETRY_MS = 350;

/**
 * One language's namespace over fetch, the first-paint script's request taken if it made it.
 * A refusal (404) is final, as is a file still failing after its retries: the namespace
 * settles empty and its keys show as they are, rather than the screen waiting forever.
 */
async function fetchNamespace(language: string, namespace: string): Promise<Tree> {
  const url = localePath(language, namespace);
  for (let attempt = 0; ; attempt++) {
    let worthRetrying: boolean;
    try {
      const response = await (attempt === 0 ? (takeEarlyResponse(url) ?? request(url)) : request(url));
      if (response.ok) return (await response.json()) as Tree;
      worthRetrying = response.status >= 500;
    } catch {
      worthRetrying = true;
    }
    if (!worthRetrying || attempt === RETRIES) return {};
    await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 2 ** attempt));
  }
}

const request = (url: string) => fetch(url, { headers: { accept: "application/json" } });

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Tree)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** `ns:key` names its namespace; any other key is looked for in `namespaces`, in order. */
function splitKey(key: string, namespaces: readonly string[]): [readonly string[], string] {
  const named = /^(\w+):(.+)$/s.exec(key);
  return named ? [[named[1]], named[2]] : [namespaces, key];
}

type Listener = () => void;

export class Translations {
  /** The language the words are in; empty until the first one is chosen. */
  language = "";
  private readonly resources = new Map<string, Map<string, Tree>>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Every namespace asked for so far: a new language loads them all before it shows. */
  private readonly namespaces = new Set<string>(INITIAL_NAMESPACES);
  private readonly listeners = new Set<Listener>();
  private changingTo: string | undefined;

  get resolvedLanguage() {
    return this.language || undefined;
  }

  /** The language being switched to while its files load, else the current one. */
  get nextLanguage() {
    return this.changingTo ?? this.language;
  }

  get isInitialized() {
    return this.language !== "";
  }

  /** `key` in the current language, its namespace named (`ns:key`) or given (`ns`), else `common`. */
  t: TFunction = (key, options) => this.translate(key, options, [DEFAULT_NAMESPACE]);

  /** Whether `key` has words in the current language (or its fallback). */
  exists(key: string, options: TOptions = {}) {
    return this.find(key, options, [DEFAULT_NAMESPACE]) !== undefined;
  }

  /** A `t` that looks in `namespaces`, in order, for keys that name none. */
  fixedT(namespaces: readonly string[]): TFunction {
    return (key, options) => this.translate(key, options, namespaces);
  }

  translate(key: string, options: TOptions = {}, namespaces: readonly string[]): string {
    const found = this.find(key, options, namespaces);
    const text = found?.text ?? options.defaultValue ?? splitKey(key, [])[1];
    return interpolate(text, found?.language ?? this.language, options);
  }

  private find(key: string, options: TOptions, namespaces: readonly string[]) {
    const given = options.ns === undefined ? namespaces : [options.ns].flat();
    const [inNamespaces, path] = splitKey(key, given);
    const languages = this.language === FALLBACK_LANGUAGE || !this.language ? [FALLBACK_LANGUAGE] : [this.language, FALLBACK_LANGUAGE];
    // The reader's language in every namespace before English in any.
    for (const language of languages) {
      for (const namespace of inNamespaces) {
        const tree = this.resources.get(language)?.get(namespace);
        if (!tree) continue;
        for (const candidate of messageKeys(path, language, options)) {
          const text = lookup(tree, candidate);
          if (text !== undefined) return { text, language };
        }
      }
    }
    return undefined;
  }

  /** Adds a namespace's words (the files fetched, or a test's). */
  addResources(language: string, namespace: string, tree: Tree) {
    let namespaces = this.resources.get(language);
    if (!namespaces) this.resources.set(language, (namespaces = new Map()));
    namespaces.set(namespace, tree);
    this.namespaces.add(namespace);
    this.changed();
  }

  /** Whether every one of `namespaces` has settled (loaded, or failed for good) in `language`. */
  hasLoaded(namespaces: readonly string[], language = this.language) {
    return namespaces.every((namespace) => this.resources.get(language)?.has(namespace));
  }

  /**
   * The namespaces' files for `language`, each asked for once (at the same time, not one after
   * another); every later call answers the same promise.
   */
  load(namespaces: readonly string[], language = this.language): Promise<void> {
    for (const namespace of namespaces) this.namespaces.add(namespace);
    // No language yet: the first one loads every namespace asked for so far.
    if (!language) return Promise.resolve();
    return Promise.all(
      namespaces.map((namespace) => {
        const id = `${language}/${namespace}`;
        let pending = this.loading.get(id);
        if (!pending) {
          pending = this.hasLoaded([namespace], language)
            ? Promise.resolve()
            : fetchNamespace(language, namespace).then((tree) => this.addResources(language, namespace, tree));
          this.loading.set(id, pending);
        }
        return pending;
      }),
    ).then(() => undefined);
  }

  /**
   * Switches to the supported language that best answers `requested`, once every namespace
   * asked for so far is there in it (the words on screen change all at once); the choice is
   * remembered. A later call overtakes an earlier one still loading. The first language is
   * the reader's at once, as i18next's was: the first requests already name it (the API
   * answers in it), and components wait for its words rather than show another language's.
   */
  async changeLanguage(requested: string) {
    const language = bestLanguage([requested]);
    this.changingTo = language;
    if (!this.language) this.show(language);
    await this.load([...this.namespaces], language);
    if (this.changingTo !== language) return;
    this.changingTo = undefined;
    rememberLanguage(language);
    if (language !== this.language) this.show(language);
  }

  private show(language: string) {
    this.language = language;
    if (typeof document !== "undefined") document.documentElement.lang = language;
    this.changed();
  }

  /** Calls `listener` whenever the language or the words change; answers how to stop. */
  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private changed() {
    for (const listener of [...this.listeners]) listener();
  }
}

export const i18n = new Translations();

/**
 * The supported language that best answers `wanted`, in order: one of them exactly (letter
 * case aside), else the first whose language we have in another region (`pt` or `pt-PT` as
 * `pt-BR`), else English.
 */
export function bestLanguage(wanted: readonly string[]): LanguageCode {
  const codes = LANGUAGES.map((language) => language.code);
  for (const code of wanted) {
    const exact = codes.find((supported) => supported.toLowerCase() === code.toLowerCase());
    if (exact) return exact;
  }
  for (const code of wanted) {
    const base = code.split("-")[0].toLowerCase();
    const near = codes.find((supported) => supported.split("-")[0].toLowerCase() === base);
    if (near) return near;
  }
  return FALLBACK_LANGUAGE;
}

/** The remembered choice, else the browser's languages, in order. */
export function detectLanguage(): LanguageCode {
  const stored = readStoredLanguage();
  const browser = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  return bestLanguage([...(stored ? [stored] : []), ...browser].filter(Boolean));
}

function readStoredLanguage() {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function rememberLanguage(language: string) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage refused (private mode, quota): the choice lasts this visit only.
  }
}

let ready: Promise<void> | undefined;

/**
 * Starts in the detected language with the namespaces every screen uses. The language is
 * detected and its files requested at once, so they travel beside the session request and
 * the first screen's code. Once only: every later call answers the same promise.
 */
export function initI18n(): Promise<void> {
  return (ready ??= i18n.changeLanguage(detectLanguage()));
}

/** The promise of the first language, if it was asked for (a screen waits on it rather than showing keys). */
export function i18nStarted(): Promise<void> | undefined {
  return ready;
}

/**
 * A screen's own namespaces, requested beside its code and data (a route's loader) rather
 * than when it first renders and suspends, and beside the language's first files rather
 * than after them; those loaded already are not asked again.
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  await Promise.all([i18n.load(namespaces, i18n.nextLanguage), ready]);
}
