import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { TPriorityLevelView } from "@atende/contracts";
import type { SlaDuration } from "@atende/domain";
import { currentLanguage } from "../../../../lib/i18n";
import { dynamicKey } from "../../../../lib/i18n-keys";
import { DURATION_UNITS, toDurationInput, type DurationUnit } from "../../lib/duration";

/**
 * Words for values that come from the domain or the tenant (ticket types, priorities, channels...). A value the UI
 * has no word for (a tenant-defined priority) is shown as its code rather than as a missing key.
 */
export function useSdLabels() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const word = useCallback(
    (group: string, value: string) => t(dynamicKey(`sdAdmin.${group}.${value}`), { defaultValue: value }),
    [t],
  );

  const unitOptions = useMemo(
    () => DURATION_UNITS.map((unit) => ({ value: unit, label: t(dynamicKey(`sdAdmin.units.${unit}`)) })),
    [t],
  );

  const duration = useCallback(
    (value: SlaDuration | null | undefined): string => {
      if (!value) return "—";
      const input = toDurationInput(value);
      return t(dynamicKey(`sdAdmin.units.short.${input.unit}`), { count: Number(input.value) });
    },
    [t],
  );

  return {
    type: (type: string) => word("ticketTypes", type),
    priority: (level: Pick<TPriorityLevelView, "code">) => word("priorities", level.code),
    priorityHint: (level: TPriorityLevelView) =>
      level.description ? level.description[language === "es" ? "es" : "en"] : undefined,
    target: (name: string) => word("targets", name),
    channel: (channel: string) => word("channels", channel),
    action: (action: string) => word("escalationActions", action),
    trigger: (trigger: string) => word("triggers", trigger),
    event: (event: string) => word("events", event),
    unit: (unit: DurationUnit) => word("units", unit),
    unitOptions,
    duration,
  };
}
