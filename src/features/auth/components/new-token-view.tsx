import { useEffect, useRef } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Heading } from "react-aria-components";
import { Icon } from "@/components/icon";
import { useCopyToClipboard } from "@/features/auth/api/queries";

/** The new token, read-only, with Copy; the only time it is ever shown. */
export function NewTokenView({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation("auth");
  const copy = useCopyToClipboard("auth:tokens.copied");
  const field = useRef<HTMLInputElement>(null);

  // Focus moves to the token, selected, ready to copy by keyboard as well.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  return (
    <>
      <Heading slot="title" className="dialog-title">
        {t("tokens.createdTitle")}
      </Heading>
      <div className="banner banner-warning" id="new-token-warning">
        <Icon name="warning" size={20} />
        <p>{t("tokens.warning")}</p>
      </div>
      <div className="field">
        <label htmlFor="new-token">{t("tokens.value")}</label>
        <div className="token-value">
          <input
            ref={field}
            id="new-token"
            className="input mono"
            readOnly
            value={token}
            aria-describedby="new-token-warning"
            spellCheck={false}
          />
          <button type="button" className="btn btn-secondary" onClick={() => copy.mutate(token)}>
            {t("tokens.copy")}
          </button>
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t("tokens.done")}
        </button>
      </div>
    </>
  );
}
