import fs from "node:fs";
import type { APIRequestContext, Download, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expect } from "./fixtures";

// Bulk manage specs share the e2e database with every other spec: they import into
// Florianópolis only, with extensions 8100–8199 and names that never start with
// "Estacionamento", and delete what they added after each test.
export const LOCATION = "Florianópolis";
export const OURS = /^81\d\d$/;

export interface ListedExtension {
  id: string;
  name: string;
  extension: string;
  locationId: string;
}

export async function extensionsOf(request: APIRequestContext, locationId: string): Promise<ListedExtension[]> {
  const response = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, max: 1000 }));
  expect(response.ok()).toBeTruthy();
  return (await response.json()).callParkExtensions;
}

/** Ours in the location (8100–8199), by extension → name. */
export async function oursIn(request: APIRequestContext, locationId: string): Promise<Record<string, string>> {
  const items = (await extensionsOf(request, locationId)).filter((e) => OURS.test(e.extension));
  return Object.fromEntries(items.map((e) => [e.extension, e.name]));
}

/** Deletes every call park extension 8100–8199 of the location. */
export async function cleanUp(request: APIRequestContext, locationId: string) {
  for (const item of (await extensionsOf(request, locationId)).filter((e) => OURS.test(e.extension))) {
    const response = await request.delete(urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: item.id }));
    expect(response.status()).toBe(204);
  }
}

export async function createExtension(request: APIRequestContext, locationId: string, name: string, extension: string) {
  const response = await request.post(urlOf(api.callParkExtensions.create, { locationId }), { data: { name, extension } });
  expect(response.status()).toBe(201);
}

/** Waits until an import job has finished, as its status says (a small file takes well under a second). */
export async function jobFinished(request: APIRequestContext, jobId: string) {
  const status = async () => (await (await request.get(urlOf(api.importJobs.get, { jobId }))).json()).latestExecutionStatus;
  await expect.poll(status, { message: `import job ${jobId} finishes`, timeout: 30_000 }).toBe("COMPLETED");
}

export async function jobCount(request: APIRequestContext): Promise<number> {
  const response = await request.get(urlOf(api.importJobs.list, {}, { max: 1 }));
  expect(response.ok()).toBeTruthy();
  return Number(response.headers()["x-total-count"]);
}

/** Writes a CSV file as a spreadsheet would save it: `bytes` exactly, BOM and line ends included. */
export function writeCsv(path: string, text: string): string {
  fs.writeFileSync(path, text, "utf8");
  return path;
}

/** Chooses a file through the dialog's file chooser, as a user clicking "Choose a CSV file" does. */
export async function chooseFile(page: Page, buttonName: string, path: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: buttonName }).click();
  await (await chooser).setFiles(path);
}

/** A download's text, its byte-order mark kept. */
export async function downloadedText(download: Download): Promise<string> {
  return fs.readFileSync(await download.path(), "utf8");
}

/** Opens Call Park Extension → Manage → Bulk manage from the Features page. */
export async function openBulkManage(page: Page, { manage, bulk }: { manage: string; bulk: string }) {
  await page.goto("/services/calling/features");
  const button = page.getByRole("button", { name: manage });
  await expect(button).toBeEnabled();
  await button.click();
  await page.getByRole("menuitem", { name: bulk }).click();
}
