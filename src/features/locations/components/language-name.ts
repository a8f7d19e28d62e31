/**
 * A location's language as Webex codes it (`en_us`, `pt_br`), named in the reader's
 * language ("English (United States)", "Inglês (Estados Unidos)"); the code itself when no name is known.
 */
export function languageName(code: string | undefined, readerLanguage: string): string {
  if (!code) return "";
  const tag = code.replace(/_/g, "-");
  try {
    const name = new Intl.DisplayNames([readerLanguage], { type: "language", languageDisplay: "standard" }).of(tag);
    if (!name || name.toLowerCase() === tag.toLowerCase()) return code;
    return name.charAt(0).toLocaleUpperCase(readerLanguage) + name.slice(1);
  } catch {
    return code;
  }
}
