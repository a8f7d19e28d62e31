import { Controller, type UseFormReturn, useFormState, useWatch } from "react-hook-form";
import type { CallParkForm } from "@/features/call-parks/api/types";
import { CallParkNameField } from "./call-park-name-field";
import { DestinationsEditor } from "./destinations-editor";
import { MembersEditor } from "./members-editor";
import { RecallEditor } from "./recall-editor";

// Each part of a group wired to the group form (react-hook-form over the domain's
// callParkFormSchema) that the wizard's steps and the side panel's sections share.
// A change of a list is checked at once, which also clears what the server said of
// its items (their positions no longer hold).

interface FieldProps {
  form: UseFormReturn<CallParkForm>;
  idPrefix: string;
  /** The group being edited: its own members and destinations are offered too. */
  callParkId?: string;
}

export function NameField({ form, id }: { form: UseFormReturn<CallParkForm>; id: string }) {
  const { errors } = useFormState({ control: form.control, name: "name" });
  return <CallParkNameField id={id} error={errors.name?.message} {...form.register("name")} />;
}

export function MembersField({ form, idPrefix, callParkId }: FieldProps) {
  const { errors } = useFormState({ control: form.control, name: "agents" });
  return (
    <Controller
      control={form.control}
      name="agents"
      render={({ field }) => (
        <MembersEditor
          idPrefix={idPrefix}
          locationId={form.getValues("locationId")}
          callParkId={callParkId}
          value={field.value}
          onChange={field.onChange}
          itemError={(index) => errors.agents?.[index]?.message}
        />
      )}
    />
  );
}

const CHANGE = { shouldDirty: true, shouldValidate: true } as const;

/** Ticks "Use members as park destinations", dropping the call park extensions it replaces. */
export function takeMembersAsDestinations({ setValue }: UseFormReturn<CallParkForm>) {
  setValue("callParkExtensions", [], CHANGE);
  setValue("parkOnAgentsEnabled", true, CHANGE);
}

/** Park destinations; with `askFirst`, ticking the box while call park extensions are listed only asks. */
export function DestinationsField({ form, idPrefix, callParkId, askFirst }: FieldProps & { askFirst?: () => void }) {
  const { control, setValue } = form;
  const parkOnAgents = useWatch({ control, name: "parkOnAgentsEnabled" });
  const { errors } = useFormState({ control, name: ["parkOnAgentsEnabled", "callParkExtensions"] });
  return (
    <Controller
      control={control}
      name="callParkExtensions"
      render={({ field }) => (
        <DestinationsEditor
          idPrefix={idPrefix}
          locationId={form.getValues("locationId")}
          callParkId={callParkId}
          value={field.value}
          onChange={field.onChange}
          itemError={(index) => errors.callParkExtensions?.[index]?.message}
          parkOnAgents={parkOnAgents}
          parkOnAgentsError={errors.parkOnAgentsEnabled?.message}
          onParkOnAgentsChange={(next) => {
            if (!next) setValue("parkOnAgentsEnabled", false, CHANGE);
            else if (field.value.length > 0 && askFirst) askFirst();
            else takeMembersAsDestinations(form);
          }}
        />
      )}
    />
  );
}

/** Recall To. Its hunt group is checked on Next or Save, not while the admin is still choosing. */
export function RecallField({ form, idPrefix }: Omit<FieldProps, "callParkId">) {
  const { control, setValue, clearErrors } = form;
  const recall = useWatch({ control, name: "recall" });
  const { errors } = useFormState({ control, name: "recall" });
  return (
    <RecallEditor
      idPrefix={idPrefix}
      locationId={form.getValues("locationId")}
      value={recall}
      huntGroupError={errors.recall?.huntGroupId?.message}
      onChange={(next) => {
        setValue("recall", next, { shouldDirty: true });
        clearErrors("recall");
      }}
    />
  );
}
