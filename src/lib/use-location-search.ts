import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { locationQueries, type PickerLocation } from "./location-queries";
import { useDebouncedValue } from "./use-debounced-value";

/** How long typing pauses before the server is asked. */
export const LOCATION_SEARCH_DELAY_MS = 250;

/**
 * The server-side search behind a location combobox (the picker and the filter): an
 * organisation can have thousands of locations, so the server answers a page of those whose
 * name holds what the administrator types, and the chosen one is asked for by its id.
 *
 * `value` is the chosen location's id ("" for none). `all`, when given, is the choice that
 * stands for every location: it is what the field shows with nothing chosen, and it heads the
 * list unless a search is typed. `listed` false: the list is not asked for yet (a filter whose
 * list has never been opened), only the chosen location's name.
 */
export function useLocationSearch(value: string, { all, listed = true }: { all?: PickerLocation; listed?: boolean } = {}) {
  // What the administrator typed; null while the field shows the chosen location's name.
  const [typed, setTyped] = useState<string | null>(null);
  // The location last chosen in the list, so its name shows without asking the server for it.
  const [picked, setPicked] = useState<PickerLocation | null>(null);
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    // Chosen here or elsewhere (Back, a reset, a cleared filter, a preselection): the field shows it.
    setShownFor(value);
    setTyped(null);
  }
  const known = picked && picked.id === value ? picked : undefined;
  const named = useQuery({ ...locationQueries.named(value), enabled: Boolean(value) && !known });
  const chosen: PickerLocation | undefined = value ? (known ?? named.data ?? undefined) : all;
  const inputValue = typed ?? chosen?.name ?? "";
  // The chosen name in the field is not a search: the list then starts from the first locations.
  const term = useDebouncedValue(typed === null || typed === chosen?.name ? "" : typed.trim(), LOCATION_SEARCH_DELAY_MS);
  const found = useQuery({ ...locationQueries.search(term), enabled: listed });
  const page = found.data?.items ?? [];
  // The chosen location stays among the items, so the field keeps its name when the list closes.
  const real = chosen && chosen.id !== all?.id ? chosen : undefined;
  const withChosen = real && !page.some((l) => l.id === real.id) ? [real, ...page] : page;
  const items: PickerLocation[] = all && !term ? [all, ...withChosen] : withChosen;

  return {
    /** The list's choices: the page found, the chosen location among them, `all` first unless searching. */
    items,
    /** What the text field shows: what was typed, else the chosen location's name. */
    inputValue,
    /** The field's text changed (ComboBox's onInputChange). */
    onInputChange: setTyped,
    /** The search (debounced, trimmed) the list is for; "" for the first page. */
    term,
    /** Whether the first answer for the search is still awaited. */
    searching: found.isPending,
    /** A choice made in the list (ComboBox's selection key): the field shows its name; returns the location, if listed. */
    choose(key: string | number | null): PickerLocation | null {
      setTyped(null);
      const location = key === null ? null : (items.find((l) => l.id === String(key)) ?? null);
      setPicked(location);
      return location;
    },
    /** Forgets what was typed: the field goes back to the chosen location's name. */
    resetInput: () => setTyped(null),
  };
}
