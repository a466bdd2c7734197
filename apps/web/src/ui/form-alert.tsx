import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api-client";

/** The form-level outcome of a failed save: the problem detail plus any errors no field shows. */
export function FormAlert({ error, unplaced = [] }: { error: unknown; unplaced?: string[] }) {
  const { t } = useTranslation();
  if (!error && unplaced.length === 0) return null;
  const detail = !error ? null : isApiError(error) ? error.detail : error instanceof Error ? error.message : t("errors.unknown");
  return (
    <Alert color="red" variant="light" title={t("errors.saveFailed")} role="alert" data-testid="form-error">
      {detail ? <Text size="sm">{detail}</Text> : null}
      {unplaced.length > 0 ? (
        <List size="sm">
          {unplaced.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
