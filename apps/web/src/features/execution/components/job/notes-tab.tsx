import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TJobNote } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { FormAlert } from "../../../../ui/form-alert";
import { LoadingState } from "../../../../ui/loading-state";
import { useAddNote } from "../../api/mutations";
import { useJobNotes } from "../../api/queries";
import { noteSourceKey } from "../../lib/labels";

const MAX_NOTE = 5000;

/** Internal notes, optionally forwarded to the provider; the provider's and the order's notes are listed too. */
export function NotesTab({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const notes = useJobNotes(jobId, true);
  const sorted = [...(notes.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="md">
      <NoteForm jobId={jobId} />
      {notes.isPending ? <LoadingState /> : null}
      {notes.error ? <ErrorState error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      {notes.data && sorted.length === 0 ? <EmptyState title={t("exec.notes.empty")} /> : null}
      <Stack gap="sm" data-testid="job-notes">
        {sorted.map((note) => (
          <NoteItem key={note.id} note={note} />
        ))}
      </Stack>
    </Stack>
  );
}

function NoteItem({ note }: { note: TJobNote }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="job-note" data-source={note.source}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge variant="light" size="sm">
            {t(noteSourceKey(note.source))}
          </Badge>
          <Text size="sm" fw={600}>
            {note.authorLabel}
          </Text>
          {note.forwardToProvider ? (
            <Badge variant="outline" color="grape" size="sm" data-testid="note-forwarded">
              {t("exec.notes.forwarded")}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(note.createdAt, currentLanguage())}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {note.body}
      </Text>
    </Paper>
  );
}

function NoteForm({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const add = useAddNote(jobId);
  const [body, setBody] = useState("");
  const [forward, setForward] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t("validation.required"));
    if (text.length > MAX_NOTE) return setError(t("validation.maxLength", { count: MAX_NOTE }));
    add.mutate(
      { body: text, forwardToProvider: forward },
      {
        onSuccess: () => {
          setBody("");
          setForward(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert error={add.error} />
        <Textarea
          label={t("exec.notes.new")}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setError(undefined);
          }}
          autosize
          minRows={2}
          error={error}
          data-testid="note-body"
        />
        <Group justify="space-between">
          <Checkbox
            label={t("exec.notes.forwardToProvider")}
            checked={forward}
            onChange={(event) => setForward(event.currentTarget.checked)}
            data-testid="note-forward"
          />
          <Button type="submit" loading={add.isPending} data-testid="note-submit">
            {t("exec.notes.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
