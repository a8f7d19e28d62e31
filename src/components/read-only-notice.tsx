import type { ReactNode } from "react";
import { useTranslation } from "@/lib/use-translation";

/**
 * Says why a screen shows values without controls to change them (a read-only
 * administrator, or a location outside a location administrator's own). `children`
 * may add a way on, such as a link back to the list.
 */
export function ReadOnlyNotice({ message, children }: { message: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="banner read-only-notice" role="note">
      <p>
        <strong>{t("readOnly.title")}</strong> {message}
      </p>
      {children}
    </div>
  );
}
