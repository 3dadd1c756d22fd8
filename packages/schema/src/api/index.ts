// Request and response payloads of the runtime HTTP API, shared by the server (validation and
// OpenAPI) and its clients (the editor, the app SDK).
export * from "./common";
export * from "./definitions";
export * from "./events";
export * from "./health";
export * from "./incidents";
export * from "./instances";
export * from "./node-types";
export * from "./tasks";
