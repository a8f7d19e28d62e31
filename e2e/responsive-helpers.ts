import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import { expectAppRendered, expectNoAxeViolations } from "./fixtures";

/** A phone, a tablet held upright, a laptop. */
export const WIDTHS = [375, 768, 1280] as const;
export const LANGUAGES = ["en", "pt-BR"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Below this width the left navigation is behind the top bar's Menu button (app.css). */
const NAV_COLLAPSED_BELOW = 1024;
/** At this width and below, a table marked table-stacked shows each row as a card (app.css). */
const TABLES_STACKED_UP_TO = 600;

/** A table on the screen, and its columns' names as a phone labels its cells with them (the row's title cell has none). */
export interface StackedTable {
  table: Locator;
  labels: string[];
}

/** The same word in each language, as a test names what it looks for. */
export type Words = Record<Language, string>;

/** The stored language for the next load, as a returning user's would be; then the screen at `url`. */
export async function openIn(page: Page, language: Language, url: string) {
  // A fresh page loads in the fixtures' language (English) the first time; after that the stored choice holds.
  if (!page.url().startsWith("http")) {
    await page.goto(url);
    if (language === "en") return;
  }
  await page.evaluate((lng) => localStorage.setItem("callParkAdmin.language", lng), language);
  await page.goto(url);
}

/**
 * One screen at one width in one language: the document is no wider than the window, what
 * must be reachable (the heading, the main action, the shell's menu and user menu) lies
 * inside it, axe finds nothing, and a full-page screenshot goes into the report.
 */
export async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  {
    screen,
    language,
    width,
    essentials,
    shell = true,
    tables = [],
  }: {
    screen: string;
    language: Language;
    width: number;
    /** The screen's own must-haves: its primary heading, its main action. */
    essentials: Locator[];
    /** Inside the app's shell (top bar, navigation), rather than the sign-in page. */
    shell?: boolean;
    /** Tables that must fit the window: as cards on a phone, each value under its column's name. */
    tables?: StackedTable[];
  },
) {
  const context = `${screen} at ${width} px (${language})`;
  await expectAppRendered(page);
  const shellParts: Locator[] = [];
  if (shell) {
    const banner = page.getByRole("banner").filter({ has: page.locator(".top-bar-tools") });
    shellParts.push(banner.getByRole("button", { name: /^Morgan Reyes/ }));
    if (width < NAV_COLLAPSED_BELOW) shellParts.push(banner.getByRole("button", { name: "Menu", exact: true }));
    else shellParts.push(page.locator(".side-nav a").first());
  }
  for (const locator of [...essentials, ...shellParts]) await expect(locator, context).toBeVisible();
  if (shell && width >= NAV_COLLAPSED_BELOW) await expect(page.getByRole("button", { name: "Menu", exact: true }), context).toBeHidden();

  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${context}: the document scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  for (const locator of [...essentials, ...shellParts]) {
    const box = await locator.boundingBox();
    expect(box, context).not.toBeNull();
    const where = `${context}: ${locator} spans ${Math.round(box!.x)}–${Math.round(box!.x + box!.width)} px`;
    expect(box!.x, where).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, where).toBeLessThanOrEqual(innerWidth + 0.5);
  }

  for (const table of tables) await checkTable(table, width, context);

  // axe at the phone's and the laptop's widths: the two layouts (the Menu button and stacked
  // tables; the side navigation and plain tables). The tablet's is made of the same parts,
  // checked above for fit; its scan found nothing the other two did not and cost a minute.
  if (width !== 768) await expectNoAxeViolations(page, context);
  // JPEG: a full page of it is several times quicker to encode than PNG, and smaller in the report.
  await testInfo.attach(`${screen}-${language}-${width}.jpeg`, {
    body: await page.screenshot({ fullPage: true, type: "jpeg", quality: 80 }),
    contentType: "image/jpeg",
  });
}

/**
 * A table fits its place: it scrolls no further sideways than its container shows and ends
 * inside the window. On a phone its first row is a card: every labelled cell one line under
 * the other, its column's name drawn before its value.
 */
async function checkTable({ table, labels }: StackedTable, width: number, context: string) {
  await expect(table, context).toBeVisible();
  // In view for the screenshot (a dialog's body scrolls on its own).
  await table.scrollIntoViewIfNeeded();
  const layout = await table.evaluate((element) => {
    const container = element.closest<HTMLElement>(".table-wrap") ?? element.parentElement!;
    const cells = [...element.querySelectorAll("tbody > tr:first-child > td")].map((cell) => ({
      label: cell.getAttribute("data-label"),
      display: getComputedStyle(cell).display,
      drawnLabel: getComputedStyle(cell, "::before").content,
      top: cell.getBoundingClientRect().top,
    }));
    return {
      right: element.getBoundingClientRect().right,
      scrollWidth: container.scrollWidth,
      clientWidth: container.clientWidth,
      windowWidth: window.innerWidth,
      cells,
    };
  });
  const where = `${context}: ${table}`;
  expect(layout.scrollWidth, `${where} scrolls sideways in its container`).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.right, `${where} ends past the window`).toBeLessThanOrEqual(layout.windowWidth + 0.5);
  if (width > TABLES_STACKED_UP_TO) return;

  const labelled = layout.cells.filter((cell) => cell.label !== null);
  expect(labelled.map((cell) => cell.label), `${where}: its cells' column names`).toEqual(labels);
  for (const cell of labelled) {
    expect(cell.display, `${where}: "${cell.label}" is a line of a card, not a column`).not.toBe("table-cell");
    expect(["none", "normal"], `${where}: "${cell.label}" shows its column's name`).not.toContain(cell.drawnLabel);
  }
  const tops = labelled.map((cell) => cell.top);
  expect(tops, `${where}: one value under the other`).toEqual([...tops].sort((a, b) => a - b));
  expect(new Set(tops).size, `${where}: one value a line`).toBe(tops.length);
}

/** Every width for the screen as it is now, in one language. */
export async function checkEveryWidth(
  page: Page,
  testInfo: TestInfo,
  screen: string,
  language: Language,
  essentials: () => Locator[],
  { tables, ...options }: { shell?: boolean; tables?: () => StackedTable[] } = {},
) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await checkScreen(page, testInfo, { screen, language, width, essentials: essentials(), tables: tables?.(), ...options });
  }
}
