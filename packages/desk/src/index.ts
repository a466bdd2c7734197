export * from "./settings";
export * from "./ticket-mapper";
export * from "./policies.repo";
export * from "./timer-subjects";
export * from "./sla-planner";
export * from "./events";
export * from "./notify";
export * from "./live";
