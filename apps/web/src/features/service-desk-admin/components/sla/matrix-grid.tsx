import { Badge, Group, ScrollArea, Stack, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TBusinessCalendar, TPriorityLevelView } from "@atende/contracts";
import { cellKey, TARGET_NAMES, validTargets, type CellDraft } from "../../lib/matrix";
import { useSdLabels } from "../shared/use-sd-labels";

type Props = {
  types: readonly string[];
  priorities: readonly TPriorityLevelView[];
  drafts: Record<string, CellDraft>;
  dirty: ReadonlySet<string>;
  invalid: ReadonlySet<string>;
  selected: string | null;
  calendars: readonly TBusinessCalendar[];
  onSelect: (key: string) => void;
};

/** Rows are ticket types, columns priorities; each cell is a button that opens it in the editor. */
export function MatrixGrid({ types, priorities, drafts, dirty, invalid, selected, calendars, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  return (
    <ScrollArea type="auto">
      <Table withTableBorder withColumnBorders captionSide="top" data-testid="sla-matrix">
        <Table.Caption>{t("sdAdmin.sla.matrixCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("sdAdmin.sla.typeByPriority")}</Table.Th>
            {priorities.map((level) => (
              <Table.Th key={level.code} scope="col">
                <Tooltip label={labels.priorityHint(level)} disabled={!level.description} multiline w={320}>
                  <span tabIndex={level.description ? 0 : undefined}>{labels.priority(level)}</span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <Table.Tr key={type}>
              <Table.Th scope="row">{labels.type(type)}</Table.Th>
              {priorities.map((level) => {
                const key = cellKey(type, level.code);
                const draft = drafts[key];
                return (
                  <Table.Td key={key} p={4} bg={selected === key ? "var(--mantine-color-teal-light)" : undefined}>
                    {draft ? (
                      <CellButton
                        testId={`matrix-cell-${type}-${level.code}`}
                        name={`${labels.type(type)} × ${labels.priority(level)}`}
                        draft={draft}
                        calendarName={calendars.find((c) => c.id === draft.calendarId)?.name}
                        selected={selected === key}
                        dirty={dirty.has(key)}
                        invalid={invalid.has(key)}
                        onClick={() => onSelect(key)}
                      />
                    ) : null}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

type CellButtonProps = {
  testId: string;
  name: string;
  draft: CellDraft;
  calendarName: string | undefined;
  selected: boolean;
  dirty: boolean;
  invalid: boolean;
  onClick: () => void;
};

function CellButton({ testId, name, draft, calendarName, selected, dirty, invalid, onClick }: CellButtonProps) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const targets = validTargets(draft);
  const lines = TARGET_NAMES.filter((target) => targets[target]).map(
    (target) => `${labels.target(target)}: ${labels.duration(targets[target])}`,
  );
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={selected}
      aria-label={[
        name,
        ...lines,
        dirty ? t("sdAdmin.sla.cellChanged") : "",
        invalid ? t("sdAdmin.sla.cellInvalid") : "",
      ]
        .filter(Boolean)
        .join(", ")}
      data-testid={testId}
      data-dirty={dirty || undefined}
      data-invalid={invalid || undefined}
      w="100%"
      p={6}
      miw={150}
      style={{ borderRadius: 6, outlineOffset: 2 }}
    >
      <Stack gap={2}>
        {lines.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t("sdAdmin.sla.noPolicy")}
          </Text>
        ) : (
          lines.map((line) => (
            <Text key={line} size="xs">
              {line}
            </Text>
          ))
        )}
        {calendarName ? (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {calendarName}
          </Text>
        ) : null}
        {dirty || invalid ? (
          <Group gap={4}>
            {dirty ? (
              <Badge size="xs" variant="light" color="blue">
                {t("sdAdmin.sla.cellChanged")}
              </Badge>
            ) : null}
            {invalid ? (
              <Badge size="xs" variant="light" color="red">
                {t("sdAdmin.sla.cellInvalid")}
              </Badge>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </UnstyledButton>
  );
}
