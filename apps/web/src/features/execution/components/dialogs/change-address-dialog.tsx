import { Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ZChangeAddressBody, type TWorksite } from "@atende/contracts";
import { errorAt, type FieldErrors } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import { issuesToMessages } from "../../../../lib/issue-message";
import { useChangeAddress } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

const FIELDS = ["line1", "postcode", "city"] as const satisfies readonly (keyof TWorksite)[];

/** The worksite of this job only: nothing is written back to the order system. */
export function ChangeAddressDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const change = useChangeAddress(job.id);
  const [worksite, setWorksite] = useState<TWorksite>(job.worksite);
  const [local, setLocal] = useState<FieldErrors>({});
  const { errors, unplaced } = dialogErrors(
    local,
    change.error,
    FIELDS.map((field) => `worksite.${field}`),
  );
  const submit = () => {
    const parsed = ZChangeAddressBody.safeParse({ version: job.version, worksite });
    if (!parsed.success) return setLocal(issuesToMessages(parsed.error.issues, t, currentLanguage()));
    setLocal({});
    change.mutate(parsed.data, {
      onSuccess: () => {
        notifyDone(t("exec.changeAddress.done"));
        onClose();
      },
    });
  };
  return (
    <DialogFrame
      title={t("exec.action.change_address")}
      onClose={onClose}
      onSubmit={submit}
      error={change.error}
      unplaced={unplaced}
      confirmLabel={t("actions.save")}
      pending={change.isPending}
      testId="change-address-dialog"
    >
      {FIELDS.map((field) => (
        <TextInput
          key={field}
          label={t(`exec.worksite.${field}`)}
          value={worksite[field]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setWorksite((current) => ({ ...current, [field]: value }));
            setLocal({});
          }}
          required
          error={errorAt(errors, `worksite.${field}`)}
          data-testid={`address-${field}`}
        />
      ))}
      <Text size="xs" c="dimmed">
        {t("exec.changeAddress.hint")}
      </Text>
    </DialogFrame>
  );
}
