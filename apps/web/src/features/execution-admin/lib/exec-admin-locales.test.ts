import { describe, expect, it } from "vitest";
import { ZWebhookInput } from "@atende/contracts";
import { SX_TYPES } from "@atende/domain";
import en from "../../../locales/en/exec-admin.json";
import es from "../../../locales/es/exec-admin.json";
import enMain from "../../../locales/en.json";
import esMain from "../../../locales/es.json";

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

describe("execution admin translations", () => {
  it("en and es have the same keys, none empty, with the same placeholders", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(spanish.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("covers the keys built from domain and contract values, and the nav labels", () => {
    const dynamic = [
      ...SX_TYPES.map((type) => `sxTypes.${type}`),
      ...ZWebhookInput.shape.events.element.options.map((event) => `webhooks.events.${event.replace(/\./g, "_")}`),
    ];
    for (const key of dynamic) {
      expect(english.has(key), key).toBe(true);
      expect(spanish.has(key), key).toBe(true);
    }
    for (const item of ["service-codes", "webhooks"]) {
      expect(flatten(enMain).has(`nav.admin.${item}`), item).toBe(true);
      expect(flatten(esMain).has(`nav.admin.${item}`), item).toBe(true);
    }
  });
});
