import { Alert, Anchor, Box, List, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TSigningView } from "@atende/contracts";
import { isApiError } from "../../../../lib/api-client";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage, hasChosenLanguage, isUiLanguage, showInLanguage } from "../../../../lib/i18n";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import type { SigningSource } from "../../api/keys";
import { signingPaths, useSigningView } from "../../api/signing";
import { formatDay } from "../../lib/exec-format";
import { jobLabel, projectLabel } from "../../lib/paths";
import { SignForm } from "./sign-form";

/**
 * The customer's signing view, shared by the portal (signed in) and the public link (signed out): the contract, the
 * full name typed as the signature, an explicit consent, and the outcome.
 */
export function SigningPanel({ source }: { source: SigningSource }) {
  const { t } = useTranslation();
  const view = useSigningView(source);
  const [justSigned, setJustSigned] = useState(false);
  const contractLanguage = view.data?.locale.slice(0, 2);
  useEffect(() => {
    // A signed-out visitor from the e-mail reads the page in the contract's language unless they chose one here.
    if (source.kind !== "public" || !isUiLanguage(contractLanguage) || hasChosenLanguage()) return;
    if (contractLanguage !== currentLanguage()) void showInLanguage(contractLanguage);
  }, [source.kind, contractLanguage]);
  if (view.isPending) return <LoadingState />;
  if (view.error) return <LoadError error={view.error} source={source} onRetry={() => void view.refetch()} />;
  const contract = view.data;
  return (
    <Stack gap="md" data-testid="signing-view" data-status={contract.status}>
      {contract.status === "sent" || source.kind === "portal" ? <ContractSummary contract={contract} /> : null}
      {justSigned ? (
        <Alert color="green" variant="light" title={t("exec.signing.successTitle")} data-testid="signing-success">
          {t("exec.signing.success")}
        </Alert>
      ) : contract.status === "sent" ? (
        <>
          <ContractDocument source={source} />
          <SignForm source={source} defaultName={contract.customerName} onSigned={() => setJustSigned(true)} />
        </>
      ) : (
        <StatusNotice contract={contract} />
      )}
    </Stack>
  );
}

function LoadError({ error, source, onRetry }: { error: unknown; source: SigningSource; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 404 || error.status === 410))
    return (
      <Alert color="red" variant="light" title={t("exec.signing.invalidTitle")} data-testid="signing-invalid">
        {source.kind === "public" ? t("exec.signing.invalidLink") : t("exec.signing.notFound")}
      </Alert>
    );
  if (isApiError(error) && error.status === 409) return <ReplacedNotice />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

function ReplacedNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t("exec.signing.replacedTitle")} data-testid="signing-replaced">
      {t("exec.signing.replaced")}
    </Alert>
  );
}

function StatusNotice({ contract }: { contract: TSigningView }) {
  const { t } = useTranslation();
  if (contract.status === "cancelled") return <ReplacedNotice />;
  if (contract.status === "skipped")
    return (
      <Alert color="gray" variant="light" data-testid="signing-skipped">
        {t("exec.signing.skipped")}
      </Alert>
    );
  return (
    <Alert color="green" variant="light" title={t("exec.signing.alreadyTitle")} data-testid="signing-already">
      {contract.signedAt
        ? t("exec.signing.alreadyOn", { at: formatDateTime(contract.signedAt, currentLanguage()) })
        : t("exec.signing.already")}
    </Alert>
  );
}

function ContractSummary({ contract }: { contract: TSigningView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {contract.tenantName}
      </Text>
      <Title order={2} size="h3">
        {t("exec.signing.title", { job: jobLabel(contract.jobNumber), version: contract.version })}
      </Title>
      <Text size="sm">
        {contract.customerName} · {projectLabel(contract.projectNumber)}
      </Text>
      {contract.worksite ? (
        <Text size="sm">
          {t("exec.signing.plannedFor", { date: formatDay(contract.plannedDate, language) })} ·{" "}
          {contract.worksite.line1}, {contract.worksite.postcode} {contract.worksite.city}
        </Text>
      ) : null}
      {contract.services.length > 0 ? (
        <List size="sm" mt={4}>
          {contract.services.map((service, index) => (
            <List.Item key={`${service.label}:${index}`}>
              {service.quantity > 1 ? `${service.quantity} × ${service.label}` : service.label}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

function ContractDocument({ source }: { source: SigningSource }) {
  const { t } = useTranslation();
  const pdf = signingPaths(source).pdf;
  return (
    <Stack gap="xs">
      <Box
        component="iframe"
        src={pdf}
        title={t("exec.signing.documentTitle")}
        h={480}
        w="100%"
        style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8 }}
        data-testid="signing-pdf"
      />
      <Anchor href={pdf} target="_blank" rel="noreferrer" size="sm" data-testid="signing-pdf-link">
        {t("exec.contract.openPdf")}
      </Anchor>
    </Stack>
  );
}
