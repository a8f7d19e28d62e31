/**
 * Saves text as a file in the browser's downloads. CSV files start with a byte-order
 * mark, so that Excel reads accents (São Paulo) as UTF-8; reading the file back ignores it.
 */
export function downloadTextFile(fileName: string, text: string, type = "text/csv;charset=utf-8") {
  const blob = new Blob([type.startsWith("text/csv") ? `\uFEFF${text}` : text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next tick; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
