export * from "./auth";
export * from "./common";
export * from "./devices";
export * from "./enums";
export * from "./realtime";
export * from "./resources";
