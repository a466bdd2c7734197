import { Button, Grid, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TBusinessCalendar, TSlaMatrix } from "@atende/contracts";
import { isApiError } from "../../../../lib/api-client";
import { FormAlert } from "../../../../ui/form-alert";
import { useSaveSlaMatrix } from "../../api/mutations";
import {
  buildMatrixSave,
  cellKey,
  cellOf,
  draftsFromMatrix,
  isCellDirty,
  serverErrorsByCell,
  validateCell,
  type CellDraft,
  type CellProblems,
  type ServerMatrixErrors,
} from "../../lib/matrix";
import { browserZone } from "../../lib/zoned-time";
import { useSdLabels } from "../shared/use-sd-labels";
import { CellEditor } from "./cell-editor";
import { MatrixGrid } from "./matrix-grid";
import { SlaPreviewPanel } from "./sla-preview-panel";

type Props = {
  matrix: TSlaMatrix;
  calendars: readonly TBusinessCalendar[];
  /** The chosen BU's zone; null for the all-BU matrix. */
  buZone: string | null;
  selected: string | null;
  onSelect: (key: string) => void;
};

const NO_SERVER_ERRORS: ServerMatrixErrors = { byCell: {}, unplaced: [] };

function dirtyKeys(base: TSlaMatrix, drafts: Record<string, CellDraft>): Set<string> {
  return new Set(
    base.cells
      .map((cell) => cellKey(cell.type, cell.priority))
      .filter((key) => {
        const draft = drafts[key];
        return draft !== undefined && isCellDirty(draft, cellOf(base, draft.type, draft.priority));
      }),
  );
}

/** Edits every cell of one BU's matrix locally and saves the changed ones together. */
export function MatrixEditor({ matrix, calendars, buZone, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const [base, setBase] = useState(matrix);
  const [drafts, setDrafts] = useState(() => draftsFromMatrix(matrix));
  const [problems, setProblems] = useState<Record<string, CellProblems>>({});
  const [server, setServer] = useState<ServerMatrixErrors>(NO_SERVER_ERRORS);
  const save = useSaveSlaMatrix();
  const dirty = useMemo(() => dirtyKeys(base, drafts), [base, drafts]);

  // A refetch (another screen saved a policy) is taken in only while nothing is being edited here.
  if (matrix !== base && dirty.size === 0 && !save.isPending) {
    setBase(matrix);
    setDrafts(draftsFromMatrix(matrix));
  }

  const invalid = new Set([...Object.keys(problems), ...Object.keys(server.byCell)]);
  const draft = selected ? drafts[selected] : undefined;
  const original = draft ? cellOf(base, draft.type, draft.priority) : null;
  const level = draft ? base.priorities.find((p) => p.code === draft.priority) : undefined;
  const title = draft ? `${labels.type(draft.type)} × ${level ? labels.priority(level) : draft.priority}` : null;
  const calendar = calendars.find((c) => c.id === draft?.calendarId);
  const zone = buZone ?? (calendar && calendar.definition !== "24x7" ? calendar.definition.timezone : browserZone());

  const change = (key: string, next: CellDraft) => {
    setDrafts((current) => ({ ...current, [key]: next }));
    setServer((current) => {
      if (!current.byCell[key]) return current;
      const { [key]: _cleared, ...rest } = current.byCell;
      return { ...current, byCell: rest };
    });
    // Problems shown after a save attempt go away as soon as the cell is fixed.
    setProblems((current) => {
      if (!current[key]) return current;
      const result = validateCell(next);
      const { [key]: _old, ...rest } = current;
      return result.ok ? rest : { ...rest, [key]: result.problems };
    });
  };

  const discard = () => {
    setDrafts(draftsFromMatrix(base));
    setProblems({});
    setServer(NO_SERVER_ERRORS);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = buildMatrixSave(base, drafts);
    if (!result.ok) {
      if (result.problems) {
        setProblems(result.problems);
        const first = Object.keys(result.problems)[0];
        if (first) onSelect(first);
      }
      return;
    }
    setServer(NO_SERVER_ERRORS);
    save.mutate(result.body, {
      onSuccess: (saved) => {
        setBase(saved);
        setDrafts(draftsFromMatrix(saved));
        setProblems({});
        notifications.show({ color: "teal", message: t("sdAdmin.sla.saved", { count: result.keys.length }) });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const mapped = serverErrorsByCell(error.fieldErrors, result.keys);
        setServer(mapped);
        const first = Object.keys(mapped.byCell)[0];
        if (first) onSelect(first);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("sdAdmin.sla.matrixCaption")}>
      <Stack>
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <Text size="sm" c={dirty.size > 0 ? undefined : "dimmed"} data-testid="matrix-dirty-count">
              {dirty.size > 0 ? t("sdAdmin.sla.unsavedCells", { count: dirty.size }) : t("sdAdmin.sla.noChanges")}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={discard} disabled={dirty.size === 0 || save.isPending}>
                {t("sdAdmin.common.discard")}
              </Button>
              <Button type="submit" disabled={dirty.size === 0} loading={save.isPending} data-testid="save-matrix">
                {t("sdAdmin.sla.saveAll")}
              </Button>
            </Group>
          </Group>
        </Paper>
        <FormAlert error={save.error} unplaced={server.unplaced} />
        {Object.keys(problems).length > 0 ? (
          <Text size="sm" c="red" role="alert" data-testid="matrix-invalid">
            {t("sdAdmin.sla.fixCells", { count: Object.keys(problems).length })}
          </Text>
        ) : null}
        <MatrixGrid
          types={base.types}
          priorities={base.priorities}
          drafts={drafts}
          dirty={dirty}
          invalid={invalid}
          selected={selected}
          calendars={calendars}
          onSelect={onSelect}
        />
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {draft && selected && title ? (
              <CellEditor
                title={title}
                draft={draft}
                calendars={calendars}
                problems={problems[selected]}
                serverErrors={server.byCell[selected]}
                policyCode={original?.policyCode ?? null}
                disabled={save.isPending}
                onChange={(next) => change(selected, next)}
              />
            ) : (
              <Paper withBorder p="md">
                <Text c="dimmed">{t("sdAdmin.sla.selectCell")}</Text>
              </Paper>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SlaPreviewPanel cellTitle={title} draft={draft ?? null} calendar={calendar} zone={zone} />
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}
