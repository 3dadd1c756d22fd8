// The node SDK: everything a node author imports. Test helpers live at "@playbook/node-sdk/testing".
export * from "./context";
export * from "./define-node";
export * from "./errors";
export * from "./execute";
export * from "./implement-node";
export * from "./migrations";
export { defaultPorts, type PortInput, type PortsInput, toPortSpec } from "./ports";
export * from "./registry";
