import { orgIdSchema } from "./org-query";
import { z } from "zod";
import { EXTENSION_STATES, NUMBER_OWNER_TYPES } from "@domain/rules/numbering-plan";
import { extensionSchema } from "./extension";
import { pageSize, pagingQuery, WEBEX_PAGE_SIZE } from "./paging";
import { type OrderKey, sortOrder } from "./sort-order";
import { displayName, searchText } from "./text";

export const CALL_PARK_EXTENSION_NAME_MAX = 30;

export const callParkExtensionNameSchema = displayName({ max: CALL_PARK_EXTENSION_NAME_MAX });

/** Body of POST …/callParkExtensions (Webex PostCallParkExtensionObject). */
export const callParkExtensionCreateSchema = z.strictObject({
  name: callParkExtensionNameSchema,
  extension: extensionSchema,
});
export type CallParkExtensionCreate = z.output<typeof callParkExtensionCreateSchema>;

/** Body of PUT …/callParkExtensions/{id} (Webex ModifyCallExtensionParkObject). */
export const callParkExtensionUpdateSchema = callParkExtensionCreateSchema.partial();
export type CallParkExtensionUpdate = z.output<typeof callParkExtensionUpdateSchema>;

/** The Add New / Edit form: the same fields, plus the location chosen in the form. */
export const callParkExtensionFormSchema = callParkExtensionCreateSchema.extend({
  locationId: z.string({ error: "locationRequired" }).min(1, { error: "locationRequired" }),
});
export type CallParkExtensionForm = z.output<typeof callParkExtensionFormSchema>;

/** GET …/callParkExtensions/{id} (Webex GetCallParkExtensionObject). */
export const callParkExtensionSchema = z.object({
  id: z.string(),
  name: z.string(),
  extension: z.string(),
  routingPrefix: z.string().optional(),
  esn: z.string().optional(),
});
export type CallParkExtension = z.output<typeof callParkExtensionSchema>;

/** An item of GET /telephony/config/callParkExtensions (Webex ListCallParkExtensionObject). */
export const callParkExtensionListItemSchema = callParkExtensionSchema.extend({
  locationId: z.string(),
  locationName: z.string(),
});
export type CallParkExtensionListItem = z.output<typeof callParkExtensionListItemSchema>;

export const callParkExtensionListSchema = z.object({
  callParkExtensions: z.array(callParkExtensionListItemSchema),
});

export const CALL_PARK_EXTENSION_SORT_FIELDS = ["name", "extension", "locationName"] as const;
export type CallParkExtensionSortField = (typeof CALL_PARK_EXTENSION_SORT_FIELDS)[number];

// Webex names its sort fields differently; both spellings are accepted.
const SORT_ALIASES: Record<string, CallParkExtensionSortField> = {
  name: "name",
  callparkextensionname: "name",
  extension: "extension",
  callparkextension: "extension",
  locationname: "locationName",
  groupname: "locationName",
};

export type SortKey = OrderKey<CallParkExtensionSortField>;

/** `order=locationName,name-desc` (or Webex's `|` separator) → sort keys; unknown fields are an error. */
export const sortOrderSchema = sortOrder(SORT_ALIASES);

/** Query of GET /telephony/config/callParkExtensions. `q` (name or extension) is our addition. */
export const callParkExtensionListQuerySchema = z.object({
  locationId: z.string().max(500).optional(),
  name: searchText,
  extension: searchText,
  locationName: searchText,
  q: searchText,
  order: sortOrderSchema.optional(),
  orgId: orgIdSchema,
  ...pagingQuery,
  max: pageSize({ fallback: WEBEX_PAGE_SIZE, limit: WEBEX_PAGE_SIZE }),
});
export type CallParkExtensionListQuery = z.input<typeof callParkExtensionListQuerySchema>;

/** POST …/actions/validateExtensions/invoke: the extensions to check, as Webex. */
export const validateExtensionsInputSchema = z.strictObject({
  extensions: z.array(z.string({ error: "invalidType" }).max(64, { error: "tooLong" })).min(1).max(500),
});

export const validateExtensionsResultSchema = z.object({
  status: z.enum(["OK", "ERRORS"]),
  extensionStatus: z.array(
    z.object({
      extension: z.string(),
      state: z.enum(EXTENSION_STATES),
      errorCode: z.number().optional(),
      message: z.string().optional(),
      // Our addition: what already holds a DUPLICATE extension, so the UI can name it.
      owner: z.object({ type: z.enum(NUMBER_OWNER_TYPES), id: z.string(), name: z.string() }).optional(),
    }),
  ),
});
export type ValidateExtensionsResult = z.output<typeof validateExtensionsResultSchema>;
