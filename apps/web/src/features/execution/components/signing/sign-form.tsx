import { Alert, Button, Checkbox, Group, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../../lib/api-client";
import { ErrorState } from "../../../../ui/error-state";
import type { SigningSource } from "../../api/keys";
import { useSignContract } from "../../api/signing";

/** The signature: the customer's full name typed, an explicit consent ticked; Sign stays off until both are there. */
export function SignForm({
  source,
  defaultName,
  onSigned,
}: {
  source: SigningSource;
  defaultName: string;
  onSigned: () => void;
}) {
  const { t } = useTranslation();
  const sign = useSignContract(source);
  const [name, setName] = useState(source.kind === "portal" ? defaultName : "");
  const [consent, setConsent] = useState(false);
  const ready = name.trim().length > 0 && name.trim().length <= 200 && consent;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    sign.mutate({ signerName: name.trim(), consent: true }, { onSuccess: onSigned });
  };
  const error = sign.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error ? (
          isApiError(error) && error.status === 409 ? (
            <Alert
              color="orange"
              variant="light"
              // A 409 is a replaced version, or a job no longer waiting for this signature: the detail says which.
              title={
                error.detail.includes("contract_version_cancelled")
                  ? t("exec.signing.replacedTitle")
                  : t("exec.signing.failed")
              }
              role="alert"
            >
              {error.detail}
            </Alert>
          ) : (
            <ErrorState error={error} title={t("exec.signing.failed")} />
          )
        ) : null}
        <TextInput
          label={t("exec.signing.fullName")}
          description={t("exec.signing.fullNameHint")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          autoComplete="name"
          maxLength={200}
          required
          data-testid="signing-name"
        />
        <Checkbox
          label={t("exec.signing.consent")}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          data-testid="signing-consent"
        />
        <Group>
          <Button type="submit" disabled={!ready} loading={sign.isPending} data-testid="signing-submit">
            {t("exec.signing.sign")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
