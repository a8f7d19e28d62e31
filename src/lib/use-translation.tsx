import { cloneElement, type ReactElement, type ReactNode, useMemo, useSyncExternalStore } from "react";
import { i18n, i18nStarted, type TFunction, type TOptions } from "./i18n";

// What the app's components use of i18n (lib/i18n.ts): react-i18next's useTranslation and
// Trans, in their semantics.

const waiting = new Map<string, Promise<void>>();

const currentLanguage = () => i18n.language;

/**
 * One promise per language and set of namespaces, however many components wait on it.
 */
function whenLoaded(namespaces: readonly string[]): Promise<void> {
  const id = `${i18n.language}|${namespaces.join()}`;
  let pending = waiting.get(id);
  if (!pending) {
    const started = i18nStarted();
    pending = i18n.isInitialized || !started ? i18n.load(namespaces) : started.then(() => i18n.load(namespaces));
    waiting.set(id, pending);
    void pending.finally(() => waiting.delete(id));
  }
  return pending;
}

/**
 * `t` for the component's namespaces (`common` when none is named; keys are looked for in
 * them in order), and the i18n instance. The component renders again when the language
 * changes; it suspends while its namespaces load (a screen's loader has usually asked for
 * them already).
 */
export function useTranslation(namespaces?: string | readonly string[]) {
  // Drawn again when the language changes; a namespace arriving wakes only those waiting on it.
  useSyncExternalStore(i18n.subscribe, currentLanguage, currentLanguage);
  const list = namespaces === undefined ? ["common"] : [namespaces].flat();
  const id = list.join();
  const language = i18n.language;
  // Re-made when the language changes, as react-i18next's is, so memos keyed on it recompute.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `id` stands for the list's contents
  const t = useMemo(() => i18n.fixedT(list), [id, language]);
  const started = i18n.isInitialized || i18nStarted() !== undefined;
  // Suspends as react-i18next did, by throwing the promise: React draws again once it settles.
  if (started && !i18n.hasLoaded(list)) throw whenLoaded(list);
  return { t, i18n };
}

/**
 * A translation with elements in it: `<name></name>` (or `<name/>`) in the words is replaced
 * by `components[name]`, with the words between the tags as its children when there are any.
 */
export function Trans({
  t,
  i18nKey,
  count,
  values,
  components,
}: {
  t: TFunction;
  i18nKey: string;
  count?: number;
  values?: TOptions;
  components: Record<string, ReactElement>;
}) {
  const text = t(i18nKey, { ...values, ...(count === undefined ? {} : { count }) });
  const parts: ReactNode[] = [];
  const tags = /<(\w+)>([\s\S]*?)<\/\1>|<(\w+)\s*\/>/g;
  let from = 0;
  for (const match of text.matchAll(tags)) {
    const name = match[1] ?? match[3];
    const element = components[name];
    if (match.index > from) parts.push(text.slice(from, match.index));
    if (element) parts.push(match[2] ? cloneElement(element, { key: parts.length }, match[2]) : cloneElement(element, { key: parts.length }));
    else parts.push(match[2] ?? "");
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return <>{parts}</>;
}
