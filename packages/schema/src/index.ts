export * from "./i18n";
export * from "./variables";
export * from "./definition";
export * from "./manifest";
export * from "./problems";
export * from "./expression-port";
export * from "./fields";
