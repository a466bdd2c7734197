import type { ParseKeys } from "i18next";

/**
 * Keys built at run time from domain data (nav item keys, roles, parameter names). A unit test checks every such key
 * exists in both locales, which the compiler cannot do for them.
 */
export function dynamicKey(key: string): ParseKeys {
  return key as ParseKeys;
}

export const navKey = (itemKey: string) => dynamicKey(`nav.${itemKey}`);
export const personaKey = (persona: string) => dynamicKey(`persona.${persona}`);
export const roleKey = (role: string) => dynamicKey(`roles.${role}`);
export const scopeKey = (scope: string) => dynamicKey(`apiTokens.scopes.${scope}`);
export const parameterKey = (parameter: string) => dynamicKey(`parameters.fields.${parameter}`);
export const unitKey = (unit: string) => dynamicKey(`parameters.units.${unit}`);
export const weekdayKey = (day: string) => dynamicKey(`weekdays.${day}`);
export const localeKey = (locale: string) => dynamicKey(`locales.${locale}`);
