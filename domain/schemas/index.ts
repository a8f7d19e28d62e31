export * from "./api-error";
export * from "./call-park-extension";
export * from "./extension";
export * from "./issues";
export * from "./location";
export * from "./paging";
export * from "./text";
