import { useTranslation } from "@/lib/use-translation";

/** "1–25 of 312" with previous/next; `page` counts from 0 (`useListState` gives these props). */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <span aria-live="polite">{t("pagination.range", { first, last, total })}</span>
      <button type="button" className="btn btn-secondary" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
        {t("pagination.previous")}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page >= lastPage}
        onClick={() => onPageChange(page + 1)}
      >
        {t("pagination.next")}
      </button>
    </nav>
  );
}
