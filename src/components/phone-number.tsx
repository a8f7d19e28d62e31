import { formatPhone } from "@/lib/format-phone";

/**
 * A phone number for reading (national inside `country`, international outside it), carrying
 * its E.164 form as the machine-readable value and the tooltip, which is what an
 * administrator pastes into Webex or a script.
 */
export function PhoneNumber({ number, country }: { number: string; country?: string }) {
  const { text, e164 } = formatPhone(number, country);
  return (
    <data className="phone-number" value={e164} title={e164}>
      {text}
    </data>
  );
}
