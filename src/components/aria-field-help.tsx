import type React from "react";
import { Text } from "react-aria-components";
import { FieldErrorText } from "./field-error";

/** The help line and the error of a react-aria field, in the slots it wires to the control. */
export function AriaFieldHelp({ id, description, error }: { id: string; description?: React.ReactNode; error?: string }) {
  return (
    <>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      {error && (
        <Text slot="errorMessage">
          <FieldErrorText id={`${id}-error`} message={error} />
        </Text>
      )}
    </>
  );
}
