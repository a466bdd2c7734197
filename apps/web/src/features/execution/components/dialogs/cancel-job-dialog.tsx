import { Alert, Select, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CANCEL_REASONS, type CancelReason } from "@atende/domain";
import { errorAt } from "../../../../lib/field-errors";
import { useCancelJob } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { JUSTIFICATION, justificationState } from "../../lib/justification";
import { cancelReasonKey } from "../../lib/labels";
import { notifyDone } from "../../lib/notify";
import { jobLabel } from "../../lib/paths";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

/** Definitive: a reason from the list and a 10-500 character justification; Confirm stays off until both are valid. */
export function CancelJobDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const cancel = useCancelJob(job.id);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [justification, setJustification] = useState("");
  const state = justificationState(justification);
  const { errors, unplaced } = dialogErrors({}, cancel.error, ["reason", "justification"]);
  const valid = reason !== null && state.valid;
  const submit = () => {
    if (!reason || !state.valid) return;
    cancel.mutate(
      { version: job.version, reason, justification: justification.trim() },
      {
        onSuccess: () => {
          notifyDone(t("exec.cancel.done", { number: jobLabel(job.number) }));
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame
      title={t("exec.cancel.title", { number: jobLabel(job.number) })}
      onClose={onClose}
      onSubmit={submit}
      error={cancel.error}
      unplaced={unplaced}
      confirmLabel={t("exec.cancel.confirm")}
      confirmColor="red"
      confirmDisabled={!valid}
      pending={cancel.isPending}
      testId="cancel-dialog"
      size="lg"
    >
      <Alert color="red" variant="light" title={t("exec.cancel.definitiveTitle")}>
        {t("exec.cancel.definitive")}
      </Alert>
      <Select
        label={t("exec.cancel.reason")}
        placeholder={t("exec.cancel.reasonPlaceholder")}
        data={CANCEL_REASONS.map((value) => ({ value, label: t(cancelReasonKey(value)) }))}
        value={reason}
        onChange={(value) => setReason(CANCEL_REASONS.find((candidate) => candidate === value) ?? null)}
        required
        error={errorAt(errors, "reason")}
        data-testid="cancel-reason"
      />
      <Textarea
        label={t("exec.cancel.justification")}
        description={t("exec.justification.rule", { min: JUSTIFICATION.min, max: JUSTIFICATION.max })}
        value={justification}
        onChange={(event) => setJustification(event.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={JUSTIFICATION.max + 50}
        required
        error={errorAt(errors, "justification")}
        data-testid="cancel-justification"
      />
      <Text
        size="xs"
        c={state.tooLong || (state.length > 0 && state.tooShort) ? "red" : "dimmed"}
        ta="right"
        aria-live="polite"
        data-testid="cancel-justification-counter"
      >
        {t("exec.justification.counter", { count: state.length, max: JUSTIFICATION.max })}
      </Text>
    </DialogFrame>
  );
}
