import { randomUUID } from "node:crypto";

// Webex IDs are base64 of `ciscospark://us/<TYPE>/<uuid>`; ours have the same shape
// (base64url without padding, so they sit in a URL unescaped). They never change
// when the object is renamed.
export type IdType =
  | "ORGANIZATION"
  | "LOCATION"
  | "PEOPLE"
  | "PLACE"
  | "VIRTUAL_LINE"
  | "HUNT_GROUP"
  | "CALL_PARK_EXTENSION"
  | "CALL_PARK"
  | "JOB_ID"
  | "ACCESS_TOKEN"
  | "AUDIT_EVENT";

export function encodeId(type: IdType, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString("base64url");
}

export function newId(type: IdType): string {
  return encodeId(type, randomUUID());
}

/** The type an ID names, or undefined when the string is not one of our IDs. */
export function idType(id: string): IdType | undefined {
  if (id.length > 200) return undefined;
  const match = /^ciscospark:\/\/us\/([A-Z_]+)\/[0-9a-f-]{36}$/.exec(Buffer.from(id, "base64url").toString("utf8"));
  return match?.[1] as IdType | undefined;
}
