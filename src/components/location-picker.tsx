import { AriaFieldHelp } from "./aria-field-help";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Location } from "@domain/schemas/location";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { locationQueries } from "@/lib/location-queries";
import { useDebouncedValue } from "@/lib/use-debounced-value";

type LocationName = Pick<Location, "id" | "name">;

/** How long typing pauses before the server is asked. */
const SEARCH_DELAY_MS = 250;

/**
 * A searchable choice of location (an organisation can have hundreds): the server searches
 * by name as the administrator types and answers a page; the chosen one is asked by its id.
 */
export function LocationPicker({
  id,
  value,
  onChange,
  onBlur,
  error,
  isDisabled,
  description,
}: {
  id: string;
  value: string;
  onChange: (locationId: string) => void;
  onBlur?: () => void;
  error?: string;
  isDisabled?: boolean;
  description?: string;
}) {
  const { t } = useTranslation();
  // What the administrator typed; null while the field shows the chosen location's name.
  const [typed, setTyped] = useState<string | null>(null);
  // The location last chosen in the list, so its name shows without asking for it.
  const [picked, setPicked] = useState<LocationName | null>(null);
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    // Chosen here or elsewhere (a reset, a preselection): the field shows it.
    setShownFor(value);
    setTyped(null);
  }
  const known = picked && picked.id === value ? picked : undefined;
  const named = useQuery({ ...locationQueries.named(value), enabled: Boolean(value) && !known });
  const chosen = value ? (known ?? named.data ?? undefined) : undefined;
  const inputValue = typed ?? chosen?.name ?? "";
  // The chosen name in the field is not a search: the list then starts from the first locations.
  const term = useDebouncedValue(typed === null || typed === chosen?.name ? "" : typed.trim(), SEARCH_DELAY_MS);
  const found = useQuery(locationQueries.search(term));
  const page = found.data?.items ?? [];
  // The chosen location stays among the items, so the field keeps its name when it closes.
  const items = chosen && !page.some((l) => l.id === chosen.id) ? [chosen, ...page] : page;
  return (
    <ComboBox
      id={id}
      className="field"
      items={items}
      inputValue={inputValue}
      onInputChange={setTyped}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        setTyped(null);
        setPicked(items.find((l) => l.id === key) ?? null);
        onChange(key === null ? "" : String(key));
      }}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isDisabled={isDisabled || found.isPending}
      menuTrigger="focus"
    >
      <Label>{t("location.label")}</Label>
      <div className="combobox">
        <Input className="input" placeholder={t("location.placeholder")} />
        <Button className="combobox-button" aria-label={t("location.showAll")}>
          ▾
        </Button>
      </div>
      <AriaFieldHelp id={id} description={description} error={error} />
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox-empty">{t("location.none")}</p>}>
          {(location: LocationName) => (
            <ListBoxItem id={location.id} textValue={location.name} className="listbox-item">
              {location.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
