import { http, HttpResponse } from "msw";
import { api } from "@domain/api/endpoints";
import type { AvailableUser, CallParkDestination } from "@domain/schemas/call-park";
import type { CallParkExtensionListItem, ValidateExtensionsResult } from "@domain/schemas/call-park-extension";
import type { FieldIssue } from "@domain/schemas/issues";
import type { Location } from "@domain/schemas/location";
import { mswPath } from "./msw-path";

function location(id: string, name: string, city: string): Location {
  return {
    id,
    name,
    orgId: "ORG1",
    address: { address1: "Rua 1", city, state: "SP", postalCode: "01000-000", country: "BR" },
    timeZone: "America/Sao_Paulo",
    preferredLanguage: "pt_BR",
    announcementLanguage: "pt_br",
  };
}

export const LOCATIONS: Location[] = [location("L1", "São Paulo", "São Paulo"), location("L2", "Campinas", "Campinas")];

export function callParkExtension(
  id: string,
  name: string,
  extension: string,
  locationId = "L1",
): CallParkExtensionListItem {
  const locationName = LOCATIONS.find((l) => l.id === locationId)?.name ?? locationId;
  return { id, name, extension, locationId, locationName };
}

export const locationsHandler = http.get(mswPath(api.locations.list), () =>
  HttpResponse.json({ items: LOCATIONS }, { headers: { "X-Total-Count": String(LOCATIONS.length) } }),
);

export const VALIDATE_EXTENSIONS = mswPath(api.callParkExtensions.validateExtensions);

export function extensionStatus(
  extension: string,
  state: ValidateExtensionsResult["extensionStatus"][number]["state"],
  owner?: ValidateExtensionsResult["extensionStatus"][number]["owner"],
): ValidateExtensionsResult {
  return {
    status: state === "VALID" ? "OK" : "ERRORS",
    extensionStatus: [{ extension, state, ...(owner ? { owner } : {}) }],
  };
}

/** A refusal in the server's Webex error shape. */
export function apiErrorResponse(
  status: number,
  code: string,
  { params, issues }: { params?: Record<string, string | number>; issues?: FieldIssue[] } = {},
) {
  const message = `refused: ${code}`;
  return HttpResponse.json(
    {
      message,
      errors: [{ description: message, errorCode: status * 10 }],
      trackingId: "TEST_TRACKING_ID",
      code,
      ...(params ? { params } : {}),
      ...(issues ? { issues } : {}),
    },
    { status, headers: { TrackingID: "TEST_TRACKING_ID" } },
  );
}

/** A call park group member as availableUsers and a group's detail carry it. */
export function callParkAgent(
  id: string,
  displayName: string,
  {
    type = "PEOPLE",
    external,
    extension,
    callParkName,
  }: { type?: AvailableUser["type"]; external?: string; extension?: string; callParkName?: string } = {},
): AvailableUser {
  const [firstName, ...rest] = displayName.split(" ");
  return {
    id,
    firstName,
    lastName: rest.join(" "),
    displayName,
    type,
    email: type === "PEOPLE" ? `${id.toLowerCase()}@example.com` : "",
    numbers: external || extension ? [{ ...(external ? { external } : {}), ...(extension ? { extension } : {}) }] : [],
    ...(callParkName ? { callParkId: `CP-${callParkName}`, callParkName } : {}),
  };
}

/** A call park extension as a group's park destination. */
export function parkDestination(id: string, name: string, extension: string): CallParkDestination {
  return { id, name, extension };
}
