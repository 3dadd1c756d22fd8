// The editor state: typed changes, the store with undo history, and React bindings.
export * from "./changes";
export * from "./hooks";
export * from "./ids";
export * from "./meaning";
export * from "./store";
