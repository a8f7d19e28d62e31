import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import type { PickerLocation } from "@/lib/location-queries";
import { useLocationSearch } from "@/lib/use-location-search";

/** The choice that stands for every location (the filter's empty value). */
const ALL = "*";

/**
 * A labelled choice of one location or all of them, for filters and exports. An
 * organisation can have thousands, so it is searched: the server answers a page of the
 * locations whose name holds what the administrator types, as the location picker does.
 */
export function LocationFilter({ id, value, onChange }: { id: string; value: string; onChange: (locationId: string) => void }) {
  const { t } = useTranslation();
  // The list's first page is asked for when it first opens, not with the screen.
  const [opened, setOpened] = useState(false);
  const search = useLocationSearch(value, { all: { id: ALL, name: t("location.all") }, listed: opened });
  return (
    <ComboBox
      id={id}
      className="field field-inline"
      items={search.items}
      inputValue={search.inputValue}
      onInputChange={search.onInputChange}
      selectedKey={value || ALL}
      onSelectionChange={(key) => {
        // A cleared field chooses nothing: the filter keeps its location.
        if (key === null) return search.resetInput();
        search.choose(key);
        onChange(key === ALL ? "" : String(key));
      }}
      // Left with a search that chose nothing, the field goes back to what is chosen.
      onBlur={search.resetInput}
      menuTrigger="focus"
      onOpenChange={(isOpen) => isOpen && setOpened(true)}
      // Opened before its first page of locations has come (a click on the button as the list
      // appears), the list stays open and says it is loading, rather than closing empty.
      allowsEmptyCollection
    >
      <Label>{t("location.label")}</Label>
      <div className="combobox">
        <Input className="input" placeholder={t("location.placeholder")} />
        <Button className="combobox-button" aria-label={t("location.showAll")}>
          ▾
        </Button>
      </div>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <p className="listbox-empty">{search.searching ? t("states.loading") : t("location.none")}</p>}
        >
          {(location: PickerLocation) => (
            <ListBoxItem id={location.id} textValue={location.name} className="listbox-item">
              {location.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
