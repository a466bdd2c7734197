import { describe, expect, it } from "vitest";
import {
  API_TOKEN_SCOPES,
  BU_PARAMETER_META,
  LOCALES,
  NAV_ITEMS,
  PERSONAS,
  ROLES,
  WEEKDAYS,
  ASSIGNMENT_MODES,
} from "@atende/domain";
import { PARAMETER_GROUPS } from "../features/parameters/lib/parameter-form";
import en from "./en.json";
import es from "./es.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const english = flatten(en);
const spanish = flatten(es);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("locales", () => {
  it("en and es have the same keys", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("no translation is empty and each keeps the English placeholders", () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(spanish.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("covers the keys built from domain data", () => {
    const dynamic = [
      ...NAV_ITEMS.map((item) => `nav.${item.key}`),
      ...PERSONAS.map((persona) => `persona.${persona}`),
      ...ROLES.map((role) => `roles.${role}`),
      ...API_TOKEN_SCOPES.map((scope) => `apiTokens.scopes.${scope}`),
      ...Object.keys(BU_PARAMETER_META).map((key) => `parameters.fields.${key}`),
      ...Object.values(BU_PARAMETER_META).map((meta) => `parameters.units.${meta.unit}`),
      ...PARAMETER_GROUPS.map((group) => `parameters.groups.${group.key}`),
      ...ASSIGNMENT_MODES.map((mode) => `parameters.assignmentModes.${mode}`),
      ...WEEKDAYS.map((day) => `weekdays.${day}`),
      ...LOCALES.map((locale) => `locales.${locale}`),
    ];
    for (const key of dynamic) {
      expect(english.has(key), key).toBe(true);
      expect(spanish.has(key), key).toBe(true);
    }
  });
});
