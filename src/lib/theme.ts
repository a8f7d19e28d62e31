// Light and dark themes are Momentum's own token sets, switched by a class on <html>.
export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "callParkAdmin.theme";
/** The class of each theme on <html>; the build's first paint (scripts/vite-first-paint.ts) sets it too, before the page paints. */
export const THEME_CLASSES: Record<Theme, string> = {
  light: "mds-theme-stable-lightWebex",
  dark: "mds-theme-stable-darkWebex",
};

export function storedTheme(): Theme {
  const saved = localStorage.getItem(THEME_STORAGE_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove(...Object.values(THEME_CLASSES));
  root.classList.add(THEME_CLASSES[theme]);
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  localStorage.setItem(THEME_STORAGE_KEY, theme);
}
