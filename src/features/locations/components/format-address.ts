import type { Location } from "@domain/schemas/location";

/** One line, as Control Hub lists it: street, city, state, postal code, country. */
export function formatAddress(address: Location["address"]): string {
  return [address.address1, address.address2, address.city, address.state, address.postalCode, address.country]
    .filter(Boolean)
    .join(", ");
}
