import { AriaFieldHelp } from "./aria-field-help";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { locationQueries } from "@/lib/location-queries";

/** A searchable choice of location (an organisation can have hundreds). */
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
  const locations = useQuery(locationQueries.list());
  const items = locations.data?.items ?? [];
  return (
    <ComboBox
      id={id}
      className="field"
      selectedKey={value || null}
      onSelectionChange={(key) => onChange(key === null ? "" : String(key))}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isDisabled={isDisabled || locations.isPending}
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
        <ListBox className="listbox" items={items} renderEmptyState={() => <p className="listbox-empty">{t("location.none")}</p>}>
          {(location) => (
            <ListBoxItem id={location.id} textValue={location.name} className="listbox-item">
              {location.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
