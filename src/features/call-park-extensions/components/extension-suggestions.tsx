import { Fragment } from "react";
import { Trans, useTranslation } from "@/lib/use-translation";
import { decodeFieldError } from "@/lib/form";
import { issueMessage } from "@/lib/error-message";
import { listFormat } from "@/lib/list-format";
import "./extension-suggestions.css";

/** "1007, 1008 and 1012" as the language lists things, each extension a button that takes it. */
function FreeList({ extensions, onPick }: { extensions: string[]; onPick: (extension: string) => void }) {
  const { t, i18n } = useTranslation("callParkExtensions");
  const language = i18n.resolvedLanguage ?? i18n.language;
  const parts = listFormat(language).formatToParts(extensions);
  return parts.map((part, index) =>
    part.type === "element" ? (
      <button
        key={index}
        type="button"
        className="extension-suggestion"
        title={t("form.useSuggestion", { extension: part.value })}
        onClick={() => onPick(part.value)}
      >
        {part.value}
      </button>
    ) : (
      <Fragment key={index}>{part.value}</Fragment>
    ),
  );
}

/**
 * The Extension field's message when the extension is taken: what the taken check says
 * (who holds it), then the free extensions nearest to it, each a button that puts it in
 * the field ("1000, 1037 and 1038 are free"), or that none near it is free.
 */
export function ExtensionSuggestions({
  id,
  takenMessage,
  suggestions,
  onPick,
}: {
  id: string;
  /** The field's error as the form holds it (the encoded extensionTaken issue). */
  takenMessage: string;
  suggestions: string[];
  onPick: (extension: string) => void;
}) {
  const { t } = useTranslation("callParkExtensions");
  const issue = decodeFieldError(takenMessage);
  return (
    <p id={id} className="field-error">
      {issue ? `${issueMessage(t, issue)} ` : ""}
      <Trans
        t={t}
        i18nKey="form.freeNearby"
        count={suggestions.length}
        components={{ list: <FreeList extensions={suggestions} onPick={onPick} /> }}
      />
    </p>
  );
}
