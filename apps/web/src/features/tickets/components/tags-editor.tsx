import { Button, Group, Paper, TagsInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ZUpdateTicketTagsRequest, type TTicketDetail } from "@atende/contracts";
import { useSetTicketTags } from "../api/mutations";
import { notifyTicketError } from "../lib/notify-error";

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, index) => tag === b[index]);

export function TagsEditor({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const setTags = useSetTicketTags(ticket.id);
  const [tags, setValue] = useState<string[]>(ticket.tags);
  const [error, setError] = useState<string | undefined>();

  const save = () => {
    const parsed = ZUpdateTicketTagsRequest.safeParse({ tags: tags.map((tag) => tag.trim()), version: ticket.version });
    if (!parsed.success) return setError(t("desk.tags.invalid"));
    setTags.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: "teal", message: t("desk.tags.saved") }),
      onError: (failure) => notifyTicketError(failure, t),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tags-title">
      <Title order={2} size="h5" id="tags-title" mb="sm">
        {t("desk.tags.title")}
      </Title>
      <TagsInput
        aria-label={t("desk.tags.title")}
        placeholder={t("desk.tags.placeholder")}
        value={tags}
        onChange={(next) => {
          setValue(next);
          setError(undefined);
        }}
        maxTags={20}
        clearable
        error={error}
        data-testid="tags-input"
      />
      <Group justify="flex-end" mt="sm">
        <Button
          size="xs"
          onClick={save}
          loading={setTags.isPending}
          disabled={sameTags(tags, ticket.tags)}
          data-testid="tags-save"
        >
          {t("actions.save")}
        </Button>
      </Group>
    </Paper>
  );
}
