import { AriaFieldHelp } from "./aria-field-help";
import type { Ref } from "react";
import { useTranslation } from "@/lib/use-translation";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import type { PickerLocation } from "@/lib/location-queries";
import { useLocationSearch } from "@/lib/use-location-search";

/** Whether a location holds all the call park extensions it may. */
export function isLocationFull(location: PickerLocation | null | undefined): boolean {
  return (location?.callParkExtensions ?? 0) >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION;
}

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
  const search = useLocationSearch(value);
  return (
    <ComboBox
      id={id}
      className="field"
      items={search.items}
      inputValue={search.inputValue}
      onInputChange={search.onInputChange}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        search.choose(key);
        onChange(key === null ? "" : String(key));
      }}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      // Not disabled while the first page loads: a disabled field could not take the focus a dialog gives it.
      isDisabled={isDisabled}
      autoFocus={autoFocus}
      menuTrigger="focus"
      // Opened before its first page of locations has come (a click on the button as the form
      // appears), the list stays open and says it is loading, rather than closing empty.
      allowsEmptyCollection
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
            <p className="listbox-empty">{search.searching ? t("states.loading") : t("location.none")}</p>
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
