import { useEffect, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * A search box whose text lives in the URL: typed freely, written to the URL once
 * typing pauses, and following the URL when it changes by navigation (back/forward).
 */
export function useSearchBox(urlValue: string, write: (value: string) => void, delay = 250) {
  const [value, setValue] = useState(urlValue);
  const settled = useDebouncedValue(value, delay);
  useEffect(() => {
    if (settled !== urlValue) write(settled);
    // Only a pause in typing writes; the URL changing is followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => setValue(urlValue), [urlValue]);
  return [value, setValue] as const;
}
