import { Button, Group, Paper, Select, Stack, Switch, Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import { currentLanguage } from "../../../lib/i18n";
import { localeKey } from "../../../lib/i18n-keys";
import { usePostMessage } from "../api/mutations";
import { useReplyTemplates } from "../api/queries";
import { fillTemplate, unfilledPlaceholders, type TemplateVariables } from "../lib/reply-template";
import { notifyTicketError } from "../lib/notify-error";

type Props = { ticket: TTicketDetail; variables: TemplateVariables };

/** The agent's reply box: a public reply by default, an internal note when switched, with predefined messages to insert. */
export function Composer({ ticket, variables }: Props) {
  const { t } = useTranslation();
  const post = usePostMessage(ticket.id);
  const [internal, setInternal] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const closed = ticket.status === "closed";
  const left = unfilledPlaceholders(body);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t("validation.required"));
    post.mutate(
      { visibility: internal ? "internal" : "public", body: text },
      // Only what was sent is cleared: the agent may have started the next message meanwhile.
      {
        onSuccess: () => setBody((current) => (current.trim() === text ? "" : current)),
        onError: (failure) => notifyTicketError(failure, t),
      },
    );
  };

  const insert = (template: string) => {
    const filled = fillTemplate(template, variables);
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${filled}` : filled));
    setError(undefined);
  };

  if (closed) {
    return (
      <Text size="sm" c="dimmed" data-testid="composer-closed">
        {t("desk.composer.closed")}
      </Text>
    );
  }
  return (
    <Paper
      withBorder
      p="sm"
      bg={internal ? "var(--mantine-color-yellow-light)" : undefined}
      component="form"
      onSubmit={submit}
      noValidate
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Switch
            label={t("desk.composer.internal")}
            description={internal ? t("desk.composer.internalHint") : t("desk.composer.publicHint")}
            checked={internal}
            onChange={(event) => setInternal(event.currentTarget.checked)}
            color="yellow"
            data-testid="composer-internal"
          />
          <TemplatePicker onPick={insert} />
        </Group>
        <Textarea
          label={internal ? t("desk.composer.noteLabel") : t("desk.composer.replyLabel")}
          autosize
          minRows={4}
          maxRows={14}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-testid="composer-body"
        />
        {left.length > 0 ? (
          <Text size="xs" c="orange" data-testid="composer-unfilled">
            {t("desk.composer.unfilled", { names: left.join(", ") })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            type="submit"
            color={internal ? "yellow" : undefined}
            loading={post.isPending}
            data-testid="composer-send"
          >
            {internal ? t("desk.composer.sendNote") : t("desk.composer.sendReply")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Predefined messages grouped by language, the UI's own first; choosing one inserts it and clears the picker. */
function TemplatePicker({ onPick }: { onPick: (body: string) => void }) {
  const { t } = useTranslation();
  const templates = useReplyTemplates(true);
  const [search, setSearch] = useState("");
  const language = currentLanguage();
  const locales = [...new Set((templates.data ?? []).map((template) => template.locale))].sort(
    (a, b) => Number(b === language) - Number(a === language) || a.localeCompare(b),
  );
  const data = locales.map((locale) => ({
    group: t(localeKey(locale), { defaultValue: locale }),
    items: (templates.data ?? [])
      .filter((template) => template.locale === locale)
      .map((template) => ({ value: template.id, label: template.name })),
  }));
  return (
    <Select
      aria-label={t("desk.composer.template")}
      placeholder={templates.isPending ? t("common.loading") : t("desk.composer.template")}
      data={data}
      // Always empty: a pick is an insertion into the reply, not a setting to show.
      value={null}
      onChange={(id) => {
        const template = templates.data?.find((candidate) => candidate.id === id);
        if (template) onPick(template.body);
        setSearch("");
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      disabled={templates.isPending || Boolean(templates.error)}
      error={templates.error ? t("desk.composer.templatesFailed") : undefined}
      nothingFoundMessage={t("common.nothingFound")}
      w={280}
      data-testid="template-picker"
    />
  );
}
