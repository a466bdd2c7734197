import { Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorAt } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import { useReschedule } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { dayOf, formatDay } from "../../lib/exec-format";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

/** Any day from the delivery constraint to the latest bookable one, weekends included. */
export function RescheduleDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const reschedule = useReschedule(job.id);
  const earliest = dayOf(job.earliestDate);
  const latest = dayOf(job.latestDate);
  const [date, setDate] = useState<string | null>(() => {
    const planned = dayOf(job.plannedDate);
    return planned >= earliest && planned <= latest ? planned : null;
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, unplaced } = dialogErrors(local, reschedule.error, ["plannedDate"]);
  const submit = () => {
    if (!date) return setLocal({ plannedDate: t("validation.required") });
    setLocal({});
    reschedule.mutate(
      { version: job.version, plannedDate: date },
      {
        onSuccess: () => {
          notifyDone(t("exec.reschedule.done", { date: formatDay(date, language) }));
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame
      title={t("exec.action.reschedule")}
      onClose={onClose}
      onSubmit={submit}
      error={reschedule.error}
      unplaced={unplaced}
      confirmLabel={t("exec.reschedule.confirm")}
      pending={reschedule.isPending}
      testId="reschedule-dialog"
    >
      <Text size="sm">{t("exec.reschedule.current", { date: formatDay(job.plannedDate, language) })}</Text>
      <DatePickerInput
        label={t("exec.fields.plannedDate")}
        description={t("exec.reschedule.window", {
          from: formatDay(earliest, language),
          to: formatDay(latest, language),
        })}
        value={date}
        onChange={(value) => {
          setDate(value);
          setLocal({});
        }}
        minDate={earliest}
        maxDate={latest}
        defaultDate={date ?? earliest}
        required
        error={errorAt(errors, "plannedDate")}
        data-testid="reschedule-date"
      />
      <Text size="xs" c="dimmed">
        {t("exec.reschedule.hint")}
      </Text>
    </DialogFrame>
  );
}
