import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { CallParkUse } from "@domain/schemas/call-park-extension-usage";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { callParkExtensionQueries } from "@/features/call-park-extensions/api/queries";

/** What a change takes from the group parking on a call park extension: its deletion, or a new number. */
export type ExtensionChange = { kind: "delete" } | { kind: "renumber"; previous: string; extension: string };

/** The sentence naming the group that parks on the extension, where in its hunting order, and what the change does to it. */
export function useSentence() {
  const { t } = useTranslation("callParkExtensions");
  return (use: CallParkUse, change: ExtensionChange) => {
    const place = { group: use.name, position: use.position, of: use.of };
    return change.kind === "delete"
      ? t("whereUsed.delete", place)
      : t("whereUsed.renumber", { ...place, previous: change.previous, extension: change.extension });
  };
}

/**
 * In a call park extension's delete dialog: the group that parks on it and at which
 * position of its hunting order, or that none does, asked of the server as the dialog opens.
 * A status region, so that the answer is read out when it comes.
 */
export function ExtensionUseNote({ locationId, id, change }: { locationId: string; id: string; change: ExtensionChange }) {
  const { t } = useTranslation("callParkExtensions");
  const sentence = useSentence();
  const uses = useQuery({ ...callParkExtensionQueries.whereUsed(locationId, [id]), select: (found) => found.get(id) ?? [] });
  const text = uses.isPending
    ? t("whereUsed.checking")
    : uses.isError
      ? t("whereUsed.failed")
      : uses.data.length === 0
        ? t("whereUsed.unused")
        : uses.data.map((use) => sentence(use, change)).join(" ");
  return (
    <p role="status">
      {text}
    </p>
  );
}

/**
 * Before a call park extension takes a new number: when a group parks on it, a question
 * naming the group and the position, else nothing asked. `confirm(previous, extension, go)`
 * answers what `go` answers once the administrator agrees (at once when no group uses it,
 * or when asking fails: the save itself is never blocked), or nothing when they go back.
 */
export function useRenumberConfirm(locationId: string, id: string) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const client = useQueryClient();
  const sentence = useSentence();
  const [asking, setAsking] = useState<string | null>(null);
  const answer = useRef<(go: boolean) => void>(undefined);

  const confirm = async <T,>(previous: string, extension: string, go: () => Promise<T>): Promise<T | undefined> => {
    if (previous === extension) return go();
    const found = await client.fetchQuery(callParkExtensionQueries.whereUsed(locationId, [id])).catch(() => undefined);
    const uses = found?.get(id) ?? [];
    if (uses.length === 0) return go();
    const agreed = await new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setAsking(uses.map((use) => sentence(use, { kind: "renumber", previous, extension })).join(" "));
    });
    return agreed ? go() : undefined;
  };

  const settle = (go: boolean) => {
    setAsking(null);
    answer.current?.(go);
    answer.current = undefined;
  };

  const dialog = (
    <ConfirmDialog
      isOpen={asking !== null}
      tone="primary"
      title={t("renumberConfirm.title")}
      confirmLabel={t("renumberConfirm.confirm")}
      cancelLabel={t("common:actions.cancel")}
      onCancel={() => settle(false)}
      onConfirm={() => settle(true)}
    >
      <p>{asking}</p>
    </ConfirmDialog>
  );
  return { confirm, dialog };
}
