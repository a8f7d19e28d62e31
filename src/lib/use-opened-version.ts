import { useState } from "react";

/**
 * The version of an object that an edit screen opened: the first one loaded for `key`
 * (the object's id), kept while the query behind it refreshes, so a save goes with the
 * ETag of what the administrator actually saw and edited, never with a newer one fetched
 * behind their back. `replace` takes another version (after a save, or "Reload").
 */
export function useOpenedVersion<T>(key: string, current: T | undefined): [T | undefined, (next: T) => void] {
  const [opened, setOpened] = useState<{ key: string; value: T } | undefined>(
    current === undefined ? undefined : { key, value: current },
  );
  // Another object on the same screen, or the first load: start from what is there now.
  if (current !== undefined && opened?.key !== key) {
    const next = { key, value: current };
    setOpened(next);
    return [current, (value) => setOpened({ key, value })];
  }
  return [opened?.value ?? current, (value) => setOpened({ key, value })];
}
