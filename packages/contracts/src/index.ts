export * from "./errors";
export * from "./common";
export * from "./pagination";
export * from "./auth";
export * from "./admin";
export * from "./parameters";
export * from "./sla";
export * from "./tickets";
