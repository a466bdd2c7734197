import { describe, expect, it } from "vitest";
import {
  CLOCK_KINDS,
  DEFAULT_PRIORITIES,
  PAUSE_REASONS,
  RESOLUTION_KINDS,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from "@atende/domain";
import en from "../../../locales/en/desk.json";
import es from "../../../locales/es/desk.json";
import { CLOCK_STATE_COLORS } from "./countdown";
import { QUEUE_SORTS, QUEUE_VIEWS } from "./queue-params";

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

describe("desk locales", () => {
  it("en and es have the same keys, none empty, with the same placeholders", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(spanish.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("covers the keys built from domain enums", () => {
    const dynamic = [
      ...TICKET_STATUSES.map((value) => `status.${value}`),
      ...TICKET_TYPES.map((value) => `type.${value}`),
      ...TICKET_CHANNELS.map((value) => `channel.${value}`),
      ...DEFAULT_PRIORITIES.map((level) => `priority.${level.code}`),
      ...["acknowledge", "start", "pend", "resume", "resolve", "close", "reopen"].map((value) => `action.${value}`),
      ...QUEUE_VIEWS.map((value) => `view.${value}`),
      ...QUEUE_SORTS.map((value) => `sort.${value}`),
      ...PAUSE_REASONS.map((value) => `pauseReason.${value}`),
      ...RESOLUTION_KINDS.flatMap((value) => [`resolutionKind.${value}`, `resolve.kindHint.${value}`]),
      ...CLOCK_KINDS.flatMap((kind) => [
        `clockKind.${kind}`,
        `promise.${kind}`,
        `promise.late.${kind}`,
        `promise.paused.${kind}`,
      ]),
      ...Object.keys(CLOCK_STATE_COLORS).map((state) => `clockState.${state}`),
    ];
    for (const key of dynamic) {
      expect(english.has(key), key).toBe(true);
      expect(spanish.has(key), key).toBe(true);
    }
  });
});
