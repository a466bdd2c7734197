import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api-client";

/** The problem detail of a failed request, as the server worded it, with the field errors it named. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : t("errors.unknown");
  const fields = isApiError(error) ? error.fieldErrors : [];
  return (
    <Alert color="red" variant="light" title={title ?? t("errors.loadFailed")} role="alert" data-testid="error-state">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {fields.length > 0 ? (
          <List size="sm">
            {fields.map((field) => (
              <List.Item key={`${field.path}:${field.message}`}>
                {field.path}: {field.message}
              </List.Item>
            ))}
          </List>
        ) : null}
        {isApiError(error) && error.status >= 400 ? (
          <Text size="xs" c="dimmed">
            {t("errors.code", { status: error.status, code: error.code })}
          </Text>
        ) : null}
        {onRetry ? (
          <div>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t("actions.retry")}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}
