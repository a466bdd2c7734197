import { Anchor, Button, Center, CopyButton, Group, Image, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TSendContractResult } from "@atende/contracts";
import { svgDataUrl } from "../../lib/exec-format";

/** The QR code the customer scans with their phone, and the same signing link to copy. */
export function ContractQrModal({ result, onClose }: { result: TSendContractResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("exec.sendContract.qrTitle")}
      attributes={{ content: { "data-testid": "contract-qr" } }}
    >
      <Stack>
        <Text size="sm">{t("exec.sendContract.qrBody", { version: result.contract.version })}</Text>
        {result.qrSvg ? (
          <Center>
            <Image
              src={svgDataUrl(result.qrSvg)}
              alt={t("exec.sendContract.qrAlt")}
              w={240}
              h={240}
              fit="contain"
              data-testid="contract-qr-image"
            />
          </Center>
        ) : (
          <Text size="sm" c="dimmed">
            {t("exec.sendContract.noQr")}
          </Text>
        )}
        {result.signingUrl ? (
          <Group gap="xs" wrap="nowrap">
            <Anchor
              href={result.signingUrl}
              target="_blank"
              rel="noreferrer"
              size="sm"
              style={{ wordBreak: "break-all", flex: 1, minWidth: 0 }}
              data-testid="contract-signing-url"
            >
              {result.signingUrl}
            </Anchor>
            <CopyButton value={result.signingUrl}>
              {({ copied, copy }) => (
                // The long link wraps; the button keeps its width rather than showing "Cop".
                <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                  {copied ? t("exec.sendContract.copied") : t("exec.sendContract.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("exec.common.close")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
