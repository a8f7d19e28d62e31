import { AriaFieldHelp } from "@/components/aria-field-help";
import type { ReactNode, Ref } from "react";
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";

export interface SelectOption {
  id: string;
  label: string;
}

/** A drop-down of the settings form (react-aria's Select), with help and a worded error. */
export function SettingsSelect({
  id,
  label,
  description,
  options,
  value,
  onChange,
  onBlur,
  error,
  placeholder,
  buttonRef,
  isDisabled,
}: {
  id: string;
  label: string;
  description?: ReactNode;
  options: SelectOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** An encoded field issue (see lib/form). */
  error?: string;
  placeholder?: string;
  /** Where react-hook-form moves focus to show an error. */
  buttonRef?: Ref<HTMLButtonElement>;
  isDisabled?: boolean;
}) {
  return (
    <Select
      id={id}
      className="field"
      value={value || null}
      onChange={(key) => onChange(key === null ? "" : String(key))}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isDisabled={isDisabled}
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <Button className="input select-button" ref={buttonRef}>
        <SelectValue className="select-value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <AriaFieldHelp id={id} description={description} error={error} />
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="listbox-item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
