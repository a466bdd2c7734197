import { describe, expect, it } from "vitest";
import {
  CANCEL_REASONS,
  DOCUMENT_CATEGORIES,
  PX_STATUSES,
  SX_ACTIONS,
  SX_EVENT_NAMES,
  SX_STATUSES,
  SX_TAGS,
  SX_TYPES,
  SYSTEM_TASK_KINDS,
} from "@atende/domain";
import type { TContractVersion, TJobNote } from "@atende/contracts";
import en from "../../../locales/en/exec.json";
import es from "../../../locales/es/exec.json";
import { CUSTOMER_PHASES } from "./customer-phase";
import { JOB_TABS } from "./job-actions";

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

const CONTRACT_STATUSES: TContractVersion["status"][] = ["sent", "cancelled", "signed", "paper_signed", "skipped"];
const CONTRACT_CHANNELS: TContractVersion["channel"][] = ["email", "qr", "print", "auto", "paper", "skip"];
const NOTE_SOURCES: TJobNote["source"][] = ["operator", "seller", "provider", "order"];

describe("execution locales", () => {
  it("en and es have the same keys, none empty, with the same placeholders", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(spanish.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("covers the keys built from domain enums", () => {
    const dynamic = [
      ...SX_STATUSES.map((value) => `sxStatus.${value}`),
      ...PX_STATUSES.map((value) => `pxStatus.${value}`),
      ...SX_TYPES.map((value) => `sxType.${value}`),
      ...SX_ACTIONS.map((value) => `action.${value}`),
      ...SX_TAGS.map((value) => `tag.${value}`),
      ...SX_EVENT_NAMES.map((value) => `event.${value}`),
      ...CANCEL_REASONS.map((value) => `cancelReason.${value}`),
      ...DOCUMENT_CATEGORIES.map((value) => `documentCategory.${value}`),
      ...SYSTEM_TASK_KINDS.map((value) => `taskKind.${value}`),
      ...CONTRACT_STATUSES.map((value) => `contractStatus.${value}`),
      ...CONTRACT_CHANNELS.map((value) => `contractChannel.${value}`),
      ...NOTE_SOURCES.map((value) => `noteSource.${value}`),
      ...CUSTOMER_PHASES.map((value) => `portal.phase.${value}`),
      ...JOB_TABS.map((value) => `job.tabs.${value}`),
      ...(["email", "qr", "print"] as const).flatMap((channel) => [
        `sendContract.title.${channel}`,
        `sendContract.confirm.${channel}`,
        `sendContract.done.${channel}`,
      ]),
      ...(["qr", "print"] as const).map((channel) => `sendContract.body.${channel}`),
      ...(["uploading", "done"] as const).map((state) => `documents.state.${state}`),
    ];
    for (const key of dynamic) {
      expect(english.has(key), key).toBe(true);
      expect(spanish.has(key), key).toBe(true);
    }
  });
});
