import { useTranslation } from "@/lib/use-translation";
import type { Me } from "@domain/schemas/auth";

/** The signed-in person's name and role, as the top bar's user menu button shows them. */
export function UserMenuLabel({ me }: { me: Me }) {
  const { t } = useTranslation("auth");
  return (
    <span className="user-menu-label">
      <span className="user-menu-name">{me.displayName}</span>
      <span className="user-menu-role">{t(`roles.${me.role}`)}</span>
    </span>
  );
}
