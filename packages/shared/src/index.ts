export * from "./auth";
export * from "./common";
export * from "./devices";
export * from "./enums";
export * from "./errors";
export * from "./incidents";
export * from "./realtime";
export * from "./resources";
