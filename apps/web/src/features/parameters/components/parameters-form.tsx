import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TBuParameterSet } from "@atende/contracts";
import { BU_PARAMETER_KEYS, ZBuParameters } from "@atende/domain";
import { isApiError } from "../../../lib/api-client";
import { errorAt, problemToFieldErrors, unplacedErrors, type FieldErrors } from "../../../lib/field-errors";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { dynamicKey } from "../../../lib/i18n-keys";
import { FormAlert } from "../../../ui/form-alert";
import { useSaveBuParameters } from "../api/mutations";
import { issuesToMessages } from "../lib/issue-message";
import {
  fromFormValues,
  hasChanges,
  PARAMETER_GROUPS,
  SERVER_PARAMETERS_BASE,
  toFormValues,
  type ParameterFormValues,
  type ParameterKey,
} from "../lib/parameter-form";
import { ParameterField } from "./parameter-field";
import { SendWindowField } from "./send-window-field";

type Props = {
  saved: TBuParameterSet;
  currency: string;
  canEdit: boolean;
  /** Loads the newest version after someone else saved first (409). */
  onReload: () => void;
};

/** Every BU parameter, grouped, validated as typed with the domain schema, saved as a new version. Keyed by version. */
export function ParametersForm({ saved, currency, canEdit, onReload }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<ParameterFormValues>(() => toFormValues(saved.parameters, currency));
  const [comment, setComment] = useState("");
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const save = useSaveBuParameters(saved.buId);

  const candidate = useMemo(() => fromFormValues(values, currency), [values, currency]);
  const validation = useMemo(() => ZBuParameters.safeParse(candidate), [candidate]);
  const clientErrors = useMemo(
    () => (validation.success ? {} : issuesToMessages(validation.error.issues, t, language)),
    [validation, t, language],
  );
  const dirty = hasChanges(candidate, saved.parameters);
  const errorFor = (path: string) => errorAt(clientErrors, path) ?? errorAt(serverErrors, path);

  const change = <K extends ParameterKey>(key: K, value: ParameterFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setServerErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => path !== key && !path.startsWith(`${key}.`))),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!validation.success || !dirty || !canEdit) return;
    const trimmed = comment.trim();
    save.mutate(
      { version: saved.version, parameters: validation.data, ...(trimmed ? { comment: trimmed } : {}) },
      {
        onSuccess: (next) =>
          notifications.show({ color: "teal", message: t("parameters.saved", { version: next.version }) }),
        onError: (error) => {
          if (isApiError(error)) setServerErrors(problemToFieldErrors(error.fieldErrors, SERVER_PARAMETERS_BASE));
        },
      },
    );
  };

  const commentError = isApiError(save.error) ? problemToFieldErrors(save.error.fieldErrors)["comment"] : undefined;
  const unplaced = unplacedErrors(serverErrors, BU_PARAMETER_KEYS);

  return (
    <form onSubmit={submit} noValidate aria-label={t("parameters.formLabel")}>
      <Stack>
        <Text size="sm" c="dimmed" data-testid="parameters-version">
          {t("parameters.currentVersion", {
            version: saved.version,
            who: saved.changedBy?.name ?? t("parameters.system"),
            when: formatDateTime(saved.createdAt, language),
          })}
        </Text>
        {!canEdit ? (
          <Alert color="gray" variant="light">
            {t("parameters.readOnly")}
          </Alert>
        ) : null}
        {PARAMETER_GROUPS.map((group) => (
          <Paper key={group.key} withBorder p="md" component="section" aria-labelledby={`param-group-${group.key}`}>
            <Title order={2} size="h4" mb="sm" id={`param-group-${group.key}`}>
              {t(dynamicKey(`parameters.groups.${group.key}`))}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {group.parameters.map((key) =>
                key === "contractSendWindow" ? (
                  <SendWindowField
                    key={key}
                    value={values.contractSendWindow}
                    onChange={(value) => change("contractSendWindow", value)}
                    currency={currency}
                    disabled={!canEdit}
                    errors={{
                      days: errorFor("contractSendWindow.days"),
                      from: errorFor("contractSendWindow.from"),
                      to: errorFor("contractSendWindow.to"),
                      whole: clientErrors["contractSendWindow"] ?? serverErrors["contractSendWindow"],
                    }}
                  />
                ) : (
                  <ParameterField
                    key={key}
                    name={key}
                    value={values[key]}
                    onChange={(value) => change(key, value)}
                    error={errorFor(key)}
                    currency={currency}
                    disabled={!canEdit}
                  />
                ),
              )}
            </SimpleGrid>
          </Paper>
        ))}
        {canEdit ? (
          <Paper withBorder p="md">
            <Stack>
              <FormAlert error={save.error} unplaced={unplaced} onReload={onReload} />
              {attempted && !validation.success ? (
                <Alert color="red" variant="light" role="alert" data-testid="parameters-invalid">
                  {t("parameters.fixErrors")}
                </Alert>
              ) : null}
              <Textarea
                label={t("parameters.comment")}
                description={t("parameters.commentHint")}
                maxLength={500}
                autosize
                minRows={2}
                value={comment}
                onChange={(event) => setComment(event.currentTarget.value)}
                error={commentError}
                data-testid="param-comment"
              />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {dirty ? t("parameters.unsaved") : t("parameters.noChanges")}
                </Text>
                <Group>
                  <Button
                    variant="default"
                    disabled={!dirty || save.isPending}
                    onClick={() => setValues(toFormValues(saved.parameters, currency))}
                  >
                    {t("parameters.discard")}
                  </Button>
                  <Button type="submit" disabled={!dirty} loading={save.isPending} data-testid="save-parameters">
                    {t("actions.save")}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </form>
  );
}
