export * from "./catalog";
export * from "./timers";
export * from "./dispatch";
export * from "./handlers";
export * from "./sweep";
export * from "./outbox";
export * from "./tenants";
export * from "./log";
