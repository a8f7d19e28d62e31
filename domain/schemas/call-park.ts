import { z } from "zod";
import {
  CALL_PARK_MEMBER_TYPES,
  CALL_PARK_NAME_MAX,
  callParkIssues,
  MAX_CALL_PARK_AGENTS,
  MAX_CALL_PARK_DESTINATIONS,
} from "@domain/rules/call-park";
import { RECALL_OPTIONS } from "@domain/rules/recall";
import { requiredString } from "./issues";
import { pageSize, pagingQuery, WEBEX_PAGE_SIZE } from "./paging";
import { sortOrder } from "./sort-order";
import { displayName, searchText } from "./text";

// Call park groups ("call parks" in the Webex API), as the Webex call park spec names
// each shape. Fields marked "ours" are additions documented in the README.

export const callParkNameSchema = displayName({ max: CALL_PARK_NAME_MAX });

const objectId = z.string({ error: requiredString }).min(1).max(500);
const missingOrInvalid = (issue: { input?: unknown }) => (issue.input === undefined ? "required" : "invalidValue");
const flag = z.enum(["true", "false"], { error: "invalidValue" }).transform((value) => value === "true");
import { orgIdSchema as orgId } from "./org-query";

/** Webex PutRecallHuntGroupObject. An empty huntGroupId is the same as none. */
export const callParkRecallInputSchema = z.strictObject({
  option: z.enum(RECALL_OPTIONS, { error: missingOrInvalid }),
  huntGroupId: z.string({ error: "invalidType" }).max(500).optional(),
});

/** Body of POST …/callParks (Webex PostCallParkObject). Lists are ordered: the first destination is hunted first. */
export const callParkCreateSchema = z.strictObject({
  name: callParkNameSchema,
  recall: callParkRecallInputSchema,
  agents: z.array(objectId).max(MAX_CALL_PARK_AGENTS).optional(),
  parkOnAgentsEnabled: z.boolean({ error: "invalidType" }).optional(),
  callParkExtensions: z.array(objectId).max(MAX_CALL_PARK_DESTINATIONS).optional(),
});
export type CallParkCreate = z.output<typeof callParkCreateSchema>;

/** Body of PUT …/callParks/{id} (Webex ModifyCallParkObject): omitted fields stay; a list sent replaces the list. */
export const callParkUpdateSchema = callParkCreateSchema.partial();
export type CallParkUpdate = z.output<typeof callParkUpdateSchema>;

/** Webex GetUserNumberItemObject. */
export const callParkNumberSchema = z.object({ external: z.string().optional(), extension: z.string().optional() });

/** Webex GetPersonPlaceVirtualLineCallParksObject. `email` is "" for a workspace or virtual line without one. */
export const callParkAgentSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  type: z.enum(CALL_PARK_MEMBER_TYPES),
  email: z.string(),
  numbers: z.array(callParkNumberSchema),
});
export type CallParkAgent = z.output<typeof callParkAgentSchema>;

/** Webex ListCPCallParkExtensionObject: a park destination. */
export const callParkDestinationSchema = z.object({ id: z.string(), extension: z.string(), name: z.string() });
export type CallParkDestination = z.output<typeof callParkDestinationSchema>;

/** Webex GetRecallHuntGroupObject. */
export const callParkRecallSchema = z.object({
  option: z.enum(RECALL_OPTIONS),
  huntGroupId: z.string().optional(),
  huntGroupName: z.string().optional(),
});

/** GET …/callParks/{id} (Webex GetCallParkObject): agents and destinations in their saved order. */
export const callParkSchema = z.object({
  id: z.string(),
  name: z.string(),
  recall: callParkRecallSchema,
  agents: z.array(callParkAgentSchema),
  parkOnAgentsEnabled: z.boolean(),
  callParkExtensions: z.array(callParkDestinationSchema),
});
export type CallPark = z.output<typeof callParkSchema>;

/** 201 of POST and 200 of PUT: the group's id (a new one when PUT renamed it, as in Webex). */
export const callParkIdSchema = z.object({ id: z.string() });

/** An item of GET …/callParks (Webex ListCallParkObject). */
export const callParkListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  locationId: z.string(),
  locationName: z.string(),
});
export type CallParkListItem = z.output<typeof callParkListItemSchema>;
export const callParkListSchema = z.object({ callParks: z.array(callParkListItemSchema) });

export const CALL_PARK_SORT_FIELDS = ["name", "locationName"] as const;
export type CallParkSortField = (typeof CALL_PARK_SORT_FIELDS)[number];

/** Webex's `order=ASC|DSC` (by name), or our `name-desc,locationName` form. */
export const callParkOrderSchema = z
  .string()
  .max(200, { error: "tooLong" })
  .transform((value) => {
    const direction = /^\s*(asc|dsc|desc)\s*$/i.exec(value)?.[1].toLowerCase();
    return direction ? `name-${direction === "asc" ? "asc" : "desc"}` : value;
  })
  .pipe(sortOrder<CallParkSortField>({ name: "name", locationname: "locationName" }));

/** Query of GET /telephony/config/locations/{locationId}/callParks. */
export const callParkListQuerySchema = z.object({
  name: searchText,
  order: callParkOrderSchema.optional(),
  orgId,
  ...pagingQuery,
  // Webex: "Default is 2000."
  max: pageSize({ fallback: WEBEX_PAGE_SIZE, limit: WEBEX_PAGE_SIZE }),
});

/** Query of GET /telephony/config/callParks (ours: the organisation's groups, as Webex's callParkExtensions list). */
export const callParkOrgListQuerySchema = callParkListQuerySchema.extend({ locationId: z.string().max(500).optional() });
export type CallParkOrgListQuery = z.input<typeof callParkOrgListQuerySchema>;

export const AVAILABLE_USER_SORT_FIELDS = ["fname", "lname", "number", "extension"] as const;
export type AvailableUserSortField = (typeof AVAILABLE_USER_SORT_FIELDS)[number];

/** Webex: up to three of fname, lname, number, extension, separated by `|` (ours: also `,` and `-desc`). */
export const availableUserOrderSchema = sortOrder<AvailableUserSortField>(
  { fname: "fname", lname: "lname", number: "number", extension: "extension" },
  { maxKeys: 3 },
);

/**
 * Query of GET …/callParks/availableUsers. `phoneNumber` matches a phone number
 * containing its digits or an extension starting with them. Ours: `callParkId` also
 * offers that group's own members (editing it); `includeAssigned=true` also returns
 * members of other groups, each naming its group in `callParkId`/`callParkName`.
 */
export const availableUsersQuerySchema = z.object({
  name: searchText,
  phoneNumber: z.string().max(64, { error: "tooLong" }).trim().optional(),
  order: availableUserOrderSchema.optional(),
  callParkName: searchText,
  callParkId: z.string().max(500).optional(),
  includeAssigned: flag.optional(),
  orgId,
  ...pagingQuery,
});

export const availableUserSchema = callParkAgentSchema.extend({
  callParkId: z.string().optional(),
  callParkName: z.string().optional(),
});
export type AvailableUser = z.output<typeof availableUserSchema>;
export const availableUsersSchema = z.object({ agents: z.array(availableUserSchema) });

/** Query of GET …/callParks/availableRecallHuntGroups; Webex's only sort field is `lname`, the name. */
export const availableRecallHuntGroupsQuerySchema = z.object({
  name: searchText,
  order: sortOrder<"name">({ lname: "name", name: "name" }, { maxKeys: 1 }).optional(),
  orgId,
  ...pagingQuery,
});

/** Webex GetAvailableRecallHuntGroupsObject. */
export const availableRecallHuntGroupSchema = z.object({ id: z.string(), name: z.string() });
export const availableRecallHuntGroupsSchema = z.object({ huntGroups: z.array(availableRecallHuntGroupSchema) });

/**
 * Query of GET …/callParks/availableCallParkExtensions (ours): the location's call
 * park extensions in no group. `name` is a search box's text (the name contains it or
 * the extension starts with it), `extension` starts with; `callParkId` and
 * `includeAssigned` as for availableUsers.
 */
export const availableCallParkExtensionsQuerySchema = z.object({
  name: searchText,
  extension: searchText,
  callParkId: z.string().max(500).optional(),
  includeAssigned: flag.optional(),
  orgId,
  ...pagingQuery,
});

export const availableCallParkExtensionSchema = callParkDestinationSchema.extend({
  callParkId: z.string().optional(),
  callParkName: z.string().optional(),
});
export type AvailableCallParkExtension = z.output<typeof availableCallParkExtensionSchema>;
export const availableCallParkExtensionsSchema = z.object({
  callParkExtensions: z.array(availableCallParkExtensionSchema),
});

/** The parts of a group the group rules read: while one of them is malformed, the rules wait. */
const RULE_FIELDS = new Set<PropertyKey | undefined>(["recall", "agents", "parkOnAgentsEnabled", "callParkExtensions"]);

/**
 * The group form of the wizard and the side panel: the create body with its location, and
 * the group rules the server applies, checked as the admin goes. The form holds the members
 * and park destinations it shows as whole objects; the rules, like the API, read their ids.
 * The rules run even when the name is wrong, so Save reports every problem at once.
 */
export const callParkFormSchema = callParkCreateSchema
  .extend({
    locationId: z.string({ error: "locationRequired" }).min(1, { error: "locationRequired" }),
    agents: z.array(availableUserSchema.extend({ id: objectId })).max(MAX_CALL_PARK_AGENTS),
    parkOnAgentsEnabled: z.boolean({ error: "invalidType" }),
    callParkExtensions: z
      .array(availableCallParkExtensionSchema.extend({ id: objectId }))
      .max(MAX_CALL_PARK_DESTINATIONS),
  })
  .superRefine(
    (value, ctx) => {
      const draft = {
        recall: value.recall,
        agents: value.agents.map((agent) => agent.id),
        parkOnAgentsEnabled: value.parkOnAgentsEnabled,
        callParkExtensions: value.callParkExtensions.map((destination) => destination.id),
      };
      for (const issue of callParkIssues(draft)) ctx.addIssue({ code: "custom", message: issue.code, path: issue.path });
    },
    {
      when: ({ value, issues }) =>
        typeof value === "object" && value !== null && !issues.some((issue) => RULE_FIELDS.has(issue.path?.[0])),
    },
  );
/** The form's values: what the wizard keeps as its draft and the side panel edits. */
export type CallParkForm = z.input<typeof callParkFormSchema>;
