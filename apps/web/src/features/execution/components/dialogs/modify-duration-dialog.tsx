import { NumberInput, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ZModifyDurationBody } from "@atende/contracts";
import { errorAt, type FieldErrors } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import { issuesToMessages } from "../../../../lib/issue-message";
import { useCan } from "../../../auth/components/current-user";
import { useModifyDuration } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { durationLabel } from "../../lib/labels";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

/** Operators change the duration freely; sellers may only shorten it, down to the BU's share of the original. */
export function ModifyDurationDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const operator = useCan("jobs.operate");
  const modify = useModifyDuration(job.id);
  const [minutes, setMinutes] = useState<number | string>(job.durationMinutes);
  const [local, setLocal] = useState<FieldErrors>({});
  const { errors, unplaced } = dialogErrors(local, modify.error, ["durationMinutes"]);
  const submit = () => {
    const parsed = ZModifyDurationBody.safeParse({ version: job.version, durationMinutes: minutes });
    if (!parsed.success) return setLocal(issuesToMessages(parsed.error.issues, t, currentLanguage()));
    setLocal({});
    modify.mutate(parsed.data, {
      onSuccess: (updated) => {
        notifyDone(t("exec.modifyDuration.done", { duration: durationLabel(t, updated.durationMinutes) }));
        onClose();
      },
    });
  };
  return (
    <DialogFrame
      title={t("exec.action.modify_duration")}
      onClose={onClose}
      onSubmit={submit}
      error={modify.error}
      unplaced={unplaced}
      confirmLabel={t("actions.save")}
      pending={modify.isPending}
      testId="modify-duration-dialog"
    >
      <Text size="sm">
        {t("exec.modifyDuration.current", {
          current: durationLabel(t, job.durationMinutes),
          original: durationLabel(t, job.originalDurationMinutes),
        })}
      </Text>
      <NumberInput
        label={t("exec.modifyDuration.minutes")}
        description={operator ? undefined : t("exec.modifyDuration.sellerHint")}
        value={minutes}
        onChange={(value) => {
          setMinutes(value);
          setLocal({});
        }}
        min={1}
        max={20_160}
        step={15}
        allowDecimal={false}
        allowNegative={false}
        required
        error={errorAt(errors, "durationMinutes")}
        data-testid="duration-minutes"
      />
    </DialogFrame>
  );
}
