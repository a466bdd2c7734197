/** IANA zones the browser knows, for the BU timezone picker; UTC is not always listed but is a valid choice. */
export function timeZoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? [...zones] : ["UTC", ...zones];
}
