import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConfirmPaper } from "../../api/mutations";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

/** The customer signed the printed contract in front of the operator (history event 127). */
export function ConfirmPaperDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const confirm = useConfirmPaper(job.id);
  const current = job.contracts.find((contract) => contract.status === "sent");
  const submit = () =>
    confirm.mutate(
      { version: job.version },
      {
        onSuccess: () => {
          notifyDone(t("exec.confirmPaper.done"));
          onClose();
        },
      },
    );
  return (
    <DialogFrame
      title={t("exec.action.confirm_paper_signature")}
      onClose={onClose}
      onSubmit={submit}
      error={confirm.error}
      confirmLabel={t("exec.confirmPaper.confirm")}
      pending={confirm.isPending}
      testId="confirm-paper-dialog"
    >
      <Text size="sm">
        {current ? t("exec.confirmPaper.body", { version: current.version }) : t("exec.confirmPaper.bodyNoVersion")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("exec.confirmPaper.hint")}
      </Text>
    </DialogFrame>
  );
}
