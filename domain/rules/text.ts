// Text rules shared by every name an administrator types: what counts as a
// character, which characters are refused, and the key used for searching.

// C0/C1 controls, bidi overrides/isolates (spoofing), BOM, noncharacters and
// unpaired surrogates are never legitimate in a display name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

// Characters that show nothing: whitespace of every kind (no-break, ideographic, line
// and paragraph separators), controls, format characters (zero-width space and
// joiners, word joiner, soft hyphen, BOM…), the default-ignorable ones (combining
// grapheme joiner, Hangul fillers, variation selectors, tags) and the braille blank.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/**
 * Whether a name shows nothing at all: empty, or made only of invisible characters.
 * Such a name is refused as blank; invisible characters among visible ones (the
 * zero-width joiner of an emoji sequence) are no reason to refuse it.
 */
export function isBlank(value: string): boolean {
  return INVISIBLE_ONLY.test(value);
}

/** Length as a person counts it: code points, so an emoji is one character, not two. */
export function characterCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Canonical form stored and compared: NFC, trimmed, inner runs of spaces kept as typed. */
export function canonicalText(value: string): string {
  return value.normalize("NFC").trim();
}

/** Case- and accent-insensitive key, so "sao" finds "São Paulo". */
export function searchKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim();
}
