export * from "./auth";
export * from "./common";
export * from "./enums";
export * from "./resources";
