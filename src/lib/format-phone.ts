import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** A phone number as a person reads it, and as E.164 (what an administrator copies into another system). */
export interface ReadablePhone {
  text: string;
  e164: string;
}

/**
 * Formats an E.164 number (Webex's `external`) for reading: nationally when it belongs to
 * `homeCountry` (the location's ISO country, e.g. "(408) 555-1000" in a US location),
 * internationally otherwise ("+55 11 3000-1001" there). A number the metadata does not
 * recognise as valid is shown as it came, rather than split in the wrong places.
 *
 * Imported only by the screens that show phone numbers: its metadata (the "min" set, which
 * formats but does not tell mobiles from landlines) stays off the first screen.
 */
export function formatPhone(number: string, homeCountry?: string): ReadablePhone {
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed?.isValid()) return { text: number, e164: number };
  const national = homeCountry !== undefined && parsed.country === homeCountry.toUpperCase();
  return { text: national ? parsed.formatNational() : parsed.formatInternational(), e164: parsed.number };
}
