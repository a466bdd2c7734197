import { Alert, Anchor, Modal, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TSendContractResult } from "@atende/contracts";
import { useSendContract } from "../../api/mutations";
import { notifyDone } from "../../lib/notify";
import { contractPdfUrl } from "../../lib/paths";
import { ContractQrModal } from "./contract-qr-modal";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

export type SendChannel = "email" | "qr" | "print";

/**
 * Every send makes a new contract version and cancels the previous one, so it is confirmed first. Email ends with a
 * toast, QR shows the code and the link, print opens the PDF in a new tab.
 */
export function SendContractDialog({ job, channel, onClose }: JobDialogProps & { channel: SendChannel }) {
  const { t } = useTranslation();
  const send = useSendContract(job.id);
  const [qr, setQr] = useState<TSendContractResult | null>(null);
  const [blocked, setBlocked] = useState(false);
  const current = job.contracts.find((contract) => contract.status === "sent");
  if (qr) return <ContractQrModal result={qr} onClose={onClose} />;
  if (blocked) {
    // The browser refused the new tab: the link opens it with a fresh click.
    return (
      <Modal opened onClose={onClose} title={t("exec.sendContract.title.print")}>
        <Anchor href={contractPdfUrl(job.id)} target="_blank" rel="noreferrer" data-testid="contract-pdf-link">
          {t("exec.contract.openPdf")}
        </Anchor>
      </Modal>
    );
  }

  const submit = () => {
    // Opened inside the click, so a popup blocker lets it through; it is pointed at the PDF once the version exists.
    const tab = channel === "print" ? window.open("", "_blank") : null;
    send.mutate(
      { channel },
      {
        onSuccess: (result) => {
          if (channel === "qr") return setQr(result);
          if (channel === "print" && !tab) return setBlocked(true);
          if (tab) tab.location.href = contractPdfUrl(job.id);
          notifyDone(t(`exec.sendContract.done.${channel}`, { version: result.contract.version }));
          onClose();
        },
        onError: () => tab?.close(),
      },
    );
  };
  return (
    <DialogFrame
      title={t(`exec.sendContract.title.${channel}`)}
      onClose={onClose}
      onSubmit={submit}
      error={send.error}
      confirmLabel={t(`exec.sendContract.confirm.${channel}`)}
      pending={send.isPending}
      testId="send-contract-dialog"
    >
      <Text size="sm">
        {channel === "email"
          ? t("exec.sendContract.toEmail", { email: job.contact.email ?? "—" })
          : t(`exec.sendContract.body.${channel}`)}
      </Text>
      {channel === "email" && !job.contact.email ? (
        <Alert color="orange" variant="light">
          {t("exec.sendContract.noEmail")}
        </Alert>
      ) : null}
      {current ? (
        <Text size="xs" c="dimmed">
          {t("exec.sendContract.replaces", { version: current.version })}
        </Text>
      ) : null}
    </DialogFrame>
  );
}
