import { FileInput, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUploadSignedScan } from "../../api/mutations";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

const ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/** The scan of the paper contract, kept with the job's legal documents (history event 128). */
export function UploadSignedDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const upload = useUploadSignedScan(job.id);
  const [file, setFile] = useState<File | null>(null);
  const submit = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        notifyDone(t("exec.uploadSigned.done", { name: file.name }));
        onClose();
      },
    });
  };
  return (
    <DialogFrame
      title={t("exec.action.upload_signed_contract")}
      onClose={onClose}
      onSubmit={submit}
      error={upload.error}
      confirmLabel={t("exec.uploadSigned.confirm")}
      confirmDisabled={!file}
      pending={upload.isPending}
      testId="upload-signed-dialog"
    >
      <FileInput
        label={t("exec.uploadSigned.file")}
        placeholder={t("exec.uploadSigned.placeholder")}
        accept={ACCEPT}
        value={file}
        onChange={setFile}
        clearable
        required
        data-testid="upload-signed-file"
      />
      <Text size="xs" c="dimmed">
        {t("exec.uploadSigned.hint")}
      </Text>
    </DialogFrame>
  );
}
