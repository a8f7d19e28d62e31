// The root of each feature's query keys. A feature builds its keys from its own root;
// another feature that changes its data invalidates it through the root, never a literal.
export const queryRoots = {
  callParkExtensions: ["callParkExtensions"] as const,
  callParkGroups: ["callParkGroups"] as const,
  locations: ["locations"] as const,
};
