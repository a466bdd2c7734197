import { describe, expect, it } from "vitest";
import { MAINTENANCE_KINDS, NOTIFICATION_EVENTS, PLAYBOOK_TRIGGERS, ZOutboxListQuery } from "@atende/contracts";
import { DEFAULT_PRIORITIES, ESCALATION_ACTIONS, TICKET_CHANNELS, TICKET_TYPES } from "@atende/domain";
import en from "../../../locales/en/sd-admin.json";
import es from "../../../locales/es/sd-admin.json";
import { DURATION_UNITS } from "./duration";
import { TARGET_NAMES } from "./matrix";

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

describe("service-desk admin translations", () => {
  it("en and es have the same keys, none empty, with the same placeholders", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(spanish.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("covers the keys built from domain and contract values", () => {
    const dynamic = [
      ...TICKET_TYPES.map((type) => `ticketTypes.${type}`),
      ...DEFAULT_PRIORITIES.map((level) => `priorities.${level.code}`),
      ...TARGET_NAMES.map((name) => `targets.${name}`),
      ...TICKET_CHANNELS.map((channel) => `channels.${channel}`),
      ...ESCALATION_ACTIONS.map((action) => `escalationActions.${action}`),
      ...PLAYBOOK_TRIGGERS.map((trigger) => `triggers.${trigger}`),
      ...NOTIFICATION_EVENTS.map((event) => `events.${event}`),
      ...DURATION_UNITS.flatMap((unit) => [`units.${unit}`, `units.short.${unit}_one`, `units.short.${unit}_other`]),
      ...MAINTENANCE_KINDS.map((kind) => `maintenance.${kind}`),
      ...ZOutboxListQuery.shape.status.unwrap().options.map((status) => `outbox.statuses.${status}`),
    ];
    for (const key of dynamic) {
      expect(english.has(key), key).toBe(true);
      expect(spanish.has(key), key).toBe(true);
    }
  });
});
