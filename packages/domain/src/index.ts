export * from "./duty";
export * from "./geo";
