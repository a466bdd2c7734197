import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api-client";

/**
 * The form-level outcome of a failed save: the problem detail, any errors no field shows, and for a stale version
 * (someone else saved first) a way to reload the current data.
 */
export function FormAlert({
  error,
  unplaced = [],
  onReload,
}: {
  error: unknown;
  unplaced?: string[];
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (!error && unplaced.length === 0) return null;
  const stale = isApiError(error) && error.code === "STALE_VERSION";
  const detail = !error
    ? null
    : isApiError(error)
      ? error.detail
      : error instanceof Error
        ? error.message
        : t("errors.unknown");
  return (
    <Alert
      color={stale ? "orange" : "red"}
      variant="light"
      title={stale ? t("errors.staleTitle") : t("errors.saveFailed")}
      role="alert"
      data-testid={stale ? "stale-version" : "form-error"}
    >
      <Stack gap="xs">
        {stale ? <Text size="sm">{t("errors.staleBody")}</Text> : null}
        {detail ? (
          <Text size="sm" c={stale ? "dimmed" : undefined}>
            {detail}
          </Text>
        ) : null}
        {unplaced.length > 0 ? (
          <List size="sm">
            {unplaced.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        ) : null}
        {stale && onReload ? (
          <div>
            <Button size="xs" variant="light" color="orange" onClick={onReload} data-testid="reload-stale">
              {t("actions.reload")}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}
