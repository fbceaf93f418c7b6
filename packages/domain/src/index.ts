export * from "./dispatch";
export * from "./duty";
export * from "./geo";
export * from "./osmand";
export * from "./taxonomy";
