export * from "./tenancy/roles";
export * from "./tenancy/permissions";
export * from "./tenancy/navigation";
export * from "./tenancy/locale";
export * from "./parameters/bu-parameters";
export { WEEKDAYS, type Weekday } from "./parameters/field-schemas";
export * from "./calendar/time-zone";
export * from "./calendar/calendar";
export * from "./calendar/business-time";
