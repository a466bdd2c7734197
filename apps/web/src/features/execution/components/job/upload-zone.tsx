import { Button, Group, List, Loader, Paper, Select, Stack, Text, ThemeIcon } from "@mantine/core";
import { useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TJobDocument } from "@atende/contracts";
import { DOCUMENT_CATEGORIES } from "@atende/domain";
import { isApiError } from "../../../../lib/api-client";
import { useUploadDocuments } from "../../api/mutations";
import { documentCategoryKey } from "../../lib/labels";

type Category = TJobDocument["category"];
type Upload = { key: number; name: string; state: "uploading" | "done" | "failed"; message?: string };

/** What the picker offers; a dropped file of another type still goes up, and the server's refusal is shown for it. */
const ACCEPT = ".png,.jpg,.jpeg,.csv,.pdf,.xlsx,.xls";

/**
 * Drag-and-drop or pick several files; each is sent on its own, so one refused type (415) fails alone and says so
 * next to its name.
 */
export function UploadZone({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocuments(jobId);
  const input = useRef<HTMLInputElement>(null);
  const next = useRef(0);
  const [category, setCategory] = useState<Category>("other");
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const update = (key: number, patch: Partial<Upload>) =>
    setUploads((current) => current.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    const batch = files.map((file) => ({ file, key: next.current++ }));
    setUploads((current) => [
      ...batch.map(({ file, key }): Upload => ({ key, name: file.name, state: "uploading" })),
      ...current,
    ]);
    for (const { file, key } of batch) {
      try {
        await upload.mutateAsync({ files: [file], category });
        update(key, { state: "done" });
      } catch (error) {
        const refused = isApiError(error) && error.status === 415;
        const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : "";
        update(key, {
          state: "failed",
          message: refused ? t("exec.documents.refusedType", { detail }) : detail || t("errors.unknown"),
        });
      }
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void start([...event.dataTransfer.files]);
  };

  return (
    <Stack gap="xs">
      <Select
        label={t("exec.documents.category")}
        data={DOCUMENT_CATEGORIES.map((value) => ({ value, label: t(documentCategoryKey(value)) }))}
        value={category}
        onChange={(value) => setCategory(DOCUMENT_CATEGORIES.find((candidate) => candidate === value) ?? "other")}
        allowDeselect={false}
        w={260}
        data-testid="document-category"
      />
      <Paper
        withBorder
        p="lg"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: "dashed",
          borderWidth: 2,
          borderColor: dragging ? "var(--mantine-primary-color-filled)" : undefined,
          background: dragging ? "var(--mantine-primary-color-light)" : undefined,
        }}
        data-testid="document-dropzone"
        data-dragging={dragging}
      >
        <Stack align="center" gap="xs">
          <Text size="sm">{t("exec.documents.dropHere")}</Text>
          <Text size="xs" c="dimmed">
            {t("exec.documents.allowedTypes")}
          </Text>
          <Button variant="light" onClick={() => input.current?.click()}>
            {t("exec.documents.choose")}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label={t("exec.documents.choose")}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = "";
              void start(files);
            }}
            data-testid="document-input"
          />
        </Stack>
      </Paper>
      {uploads.length > 0 ? (
        <List spacing={4} size="sm" data-testid="document-uploads">
          {uploads.map((entry) => (
            <List.Item
              key={entry.key}
              data-testid="document-upload"
              data-state={entry.state}
              icon={<UploadIcon state={entry.state} />}
            >
              <Group gap="xs">
                <Text size="sm">{entry.name}</Text>
                <Text size="xs" c={entry.state === "failed" ? "red" : "dimmed"}>
                  {entry.state === "failed" ? entry.message : t(`exec.documents.state.${entry.state}`)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

function UploadIcon({ state }: { state: Upload["state"] }) {
  if (state === "uploading") return <Loader size={14} />;
  return (
    <ThemeIcon size={14} radius="xl" color={state === "done" ? "green" : "red"} aria-hidden>
      <span style={{ fontSize: 9 }}>{state === "done" ? "✓" : "!"}</span>
    </ThemeIcon>
  );
}
