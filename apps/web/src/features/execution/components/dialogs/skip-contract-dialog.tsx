import { Alert, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorAt } from "../../../../lib/field-errors";
import { useSkipContract } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { JUSTIFICATION, justificationState } from "../../lib/justification";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

/** Execution admins only, where the BU allows it (history event 142); the justification is optional but bounded. */
export function SkipContractDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const skip = useSkipContract(job.id);
  const [justification, setJustification] = useState("");
  const state = justificationState(justification);
  const empty = state.length === 0;
  const { errors, unplaced } = dialogErrors({}, skip.error, ["justification"]);
  const submit = () => {
    if (!empty && !state.valid) return;
    skip.mutate(
      { version: job.version, justification: empty ? undefined : justification.trim() },
      {
        onSuccess: () => {
          notifyDone(t("exec.skipContract.done"));
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame
      title={t("exec.action.skip_contract")}
      onClose={onClose}
      onSubmit={submit}
      error={skip.error}
      unplaced={unplaced}
      confirmLabel={t("exec.skipContract.confirm")}
      confirmColor="orange"
      confirmDisabled={!empty && !state.valid}
      pending={skip.isPending}
      testId="skip-contract-dialog"
    >
      <Alert color="orange" variant="light">
        {t("exec.skipContract.body")}
      </Alert>
      <Textarea
        label={t("exec.skipContract.justification")}
        description={t("exec.justification.ruleOptional", { min: JUSTIFICATION.min, max: JUSTIFICATION.max })}
        value={justification}
        onChange={(event) => setJustification(event.currentTarget.value)}
        autosize
        minRows={3}
        error={errorAt(errors, "justification")}
        data-testid="skip-justification"
      />
      <Text size="xs" c={!empty && !state.valid ? "red" : "dimmed"} ta="right" aria-live="polite">
        {t("exec.justification.counter", { count: state.length, max: JUSTIFICATION.max })}
      </Text>
    </DialogFrame>
  );
}
