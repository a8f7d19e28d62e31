import { AriaFieldHelp } from "./aria-field-help";
import { useQuery } from "@tanstack/react-query";
import { type Ref, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { locationQueries, type PickerLocation } from "@/lib/location-queries";
import { useDebouncedValue } from "@/lib/use-debounced-value";

/** Whether a location holds all the call park extensions it may. */
export function isLocationFull(location: PickerLocation | null | undefined): boolean {
  return (location?.callParkExtensions ?? 0) >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION;
}

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
  autoFocus,
  markFull,
  inputRef,
}: {
  id: string;
  value: string;
  onChange: (locationId: string) => void;
  onBlur?: () => void;
  error?: string;
  isDisabled?: boolean;
  description?: string;
  autoFocus?: boolean;
  /** Choosing where a call park extension goes: a location with no room left says so beside its name. */
  markFull?: boolean;
  /** The text field, for a form to focus it (react-hook-form's field ref). */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  // What the administrator typed; null while the field shows the chosen location's name.
  const [typed, setTyped] = useState<string | null>(null);
  // The location last chosen in the list, so its name shows without asking for it.
  const [picked, setPicked] = useState<PickerLocation | null>(null);
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
      // Not disabled while the first page loads: a disabled field could not take the focus a dialog gives it.
      isDisabled={isDisabled}
      autoFocus={autoFocus}
      menuTrigger="focus"
    >
      <Label>{t("location.label")}</Label>
      <div className="combobox">
        <Input ref={inputRef} className="input" placeholder={t("location.placeholder")} />
        <Button className="combobox-button" aria-label={t("location.showAll")}>
          ▾
        </Button>
      </div>
      <AriaFieldHelp id={id} description={description} error={error} />
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">{found.isPending ? t("states.loading") : t("location.none")}</p>
          )}
        >
          {(location: PickerLocation) => (
            <ListBoxItem id={location.id} textValue={location.name} className="listbox-item">
              {location.name}
              {markFull && isLocationFull(location) && " "}
              {markFull && isLocationFull(location) && (
                <span className="badge">
                  {t("location.full", { count: location.callParkExtensions, max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION })}
                </span>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
