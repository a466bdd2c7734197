import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../ui/form-alert";
import { usePostMessage } from "../api/mutations";

export function PortalReply({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const post = usePostMessage(ticketId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t("validation.required"));
    post.mutate(
      { visibility: "public", body: text },
      { onSuccess: () => setBody((current) => (current.trim() === text ? "" : current)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={post.error} />
        <Textarea
          label={t("desk.portal.replyLabel")}
          autosize
          minRows={3}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-testid="portal-reply"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={post.isPending} data-testid="portal-send">
            {t("desk.portal.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
