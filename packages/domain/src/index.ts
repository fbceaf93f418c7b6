export * from "./dispatch";
export * from "./duty";
export * from "./duty-roster";
export * from "./geo";
export * from "./grid-overlaps";
export * from "./osmand";
export * from "./station-duty";
export * from "./taxonomy";
