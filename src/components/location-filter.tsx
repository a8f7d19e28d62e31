import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { locationQueries } from "@/lib/location-queries";
import { useDebouncedValue } from "@/lib/use-debounced-value";

/** The choice that stands for every location (the filter's empty value). */
const ALL = "*";
/** How long typing pauses before the server is asked. */
const SEARCH_DELAY_MS = 250;

interface Choice {
  id: string;
  name: string;
}

/**
 * A labelled choice of one location or all of them, for filters and exports. An
 * organisation can have thousands, so it is searched: the server answers a page of the
 * locations whose name holds what the administrator types, as the location picker does.
 */
export function LocationFilter({ id, value, onChange }: { id: string; value: string; onChange: (locationId: string) => void }) {
  const { t } = useTranslation();
  const all: Choice = { id: ALL, name: t("location.all") };
  // What the administrator typed; null while the field shows the chosen location's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [picked, setPicked] = useState<Choice | null>(null);
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    // Chosen here or elsewhere (Back, a cleared filter): the field shows it.
    setShownFor(value);
    setTyped(null);
  }
  const known = picked && picked.id === value ? picked : undefined;
  const named = useQuery({ ...locationQueries.named(value), enabled: Boolean(value) && !known });
  const chosen: Choice | undefined = value ? (known ?? named.data ?? undefined) : all;
  const inputValue = typed ?? chosen?.name ?? "";
  // The chosen name in the field is not a search: the list then starts from the first locations.
  const term = useDebouncedValue(typed === null || typed === chosen?.name ? "" : typed.trim(), SEARCH_DELAY_MS);
  const found = useQuery(locationQueries.search(term));
  const page: Choice[] = found.data?.items ?? [];
  // "All locations" heads the list unless a search is typed; the chosen one stays among the items.
  const withChosen = chosen && chosen.id !== ALL && !page.some((l) => l.id === chosen.id) ? [chosen, ...page] : page;
  const items = term ? withChosen : [all, ...withChosen];
  return (
    <ComboBox
      id={id}
      className="field field-inline"
      items={items}
      inputValue={inputValue}
      onInputChange={setTyped}
      selectedKey={value || ALL}
      onSelectionChange={(key) => {
        setTyped(null);
        if (key === null) return;
        const next = String(key);
        setPicked(items.find((l) => l.id === next) ?? null);
        onChange(next === ALL ? "" : next);
      }}
      // Left with a search that chose nothing, the field goes back to what is chosen.
      onBlur={() => setTyped(null)}
      menuTrigger="focus"
    >
      <Label>{t("location.label")}</Label>
      <div className="combobox">
        <Input className="input" placeholder={t("location.placeholder")} />
        <Button className="combobox-button" aria-label={t("location.showAll")}>
          ▾
        </Button>
      </div>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox-empty">{t("location.none")}</p>}>
          {(location: Choice) => (
            <ListBoxItem id={location.id} textValue={location.name} className="listbox-item">
              {location.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
