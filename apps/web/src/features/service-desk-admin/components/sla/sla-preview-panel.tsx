import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TBusinessCalendar, TSlaPreviewRequest } from "@atende/contracts";
import { currentLanguage } from "../../../../lib/i18n";
import { ErrorState } from "../../../../ui/error-state";
import { useSlaPreview } from "../../api/queries";
import { TARGET_NAMES, validTargets, type CellDraft } from "../../lib/matrix";
import { formatInZone, nowToTheMinute } from "../../lib/zoned-time";
import { ZonedDateTimeInput } from "../shared/zoned-date-time-input";
import { useSdLabels } from "../shared/use-sd-labels";

type Props = {
  cellTitle: string | null;
  draft: CellDraft | null;
  calendar: TBusinessCalendar | undefined;
  /** Where the due dates are read: the BU's zone (or the calendar's when no BU is chosen). */
  zone: string;
};

const DEBOUNCE_MS = 400;

function previewRequest(
  draft: CellDraft | null,
  calendar: TBusinessCalendar | undefined,
  start: string,
): TSlaPreviewRequest | null {
  if (!draft || !calendar || !start) return null;
  const targets = validTargets(draft);
  const list = TARGET_NAMES.flatMap((name) => {
    const duration = targets[name];
    return duration ? [{ name, ...duration }] : [];
  });
  return list.length > 0 ? { calendar: calendar.definition, start, targets: list } : null;
}

/** The due dates the selected cell gives for a start time, recomputed by the API as the cell is edited. */
export function SlaPreviewPanel({ cellTitle, draft, calendar, zone }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const language = currentLanguage();
  const [start, setStart] = useState(nowToTheMinute);
  const request = previewRequest(draft, calendar, start);
  const requestKey = JSON.stringify(request);
  // Debounced by content: typing 2-4-0 asks once, for 240.
  const [settledKey] = useDebouncedValue(requestKey, DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(settledKey) as TSlaPreviewRequest | null, [settledKey]);
  const preview = useSlaPreview(settled);
  const pending = requestKey !== settledKey || preview.isFetching;
  const state = !request ? "idle" : preview.error && !pending ? "error" : pending ? "pending" : "ready";
  const targets = draft ? validTargets(draft) : {};

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="sla-preview-title"
      data-testid="sla-preview"
      data-state={state}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="sla-preview-title">
              {t("sdAdmin.preview.title")}
            </Title>
            <Text size="xs" c="dimmed">
              {cellTitle ?? t("sdAdmin.preview.pickCell")}
            </Text>
          </div>
          {pending && request ? <Loader size="xs" aria-label={t("sdAdmin.preview.updating")} /> : null}
        </Group>
        <Group align="flex-end" gap="xs">
          <ZonedDateTimeInput
            label={t("sdAdmin.preview.start")}
            description={t("sdAdmin.common.inZone", { zone })}
            value={start}
            zone={zone}
            onChange={(next) => next && setStart(next)}
            testId="preview-start"
          />
          <Button variant="default" onClick={() => setStart(nowToTheMinute())}>
            {t("sdAdmin.preview.now")}
          </Button>
        </Group>
        {!draft ? null : !calendar ? (
          <Text size="sm" c="dimmed">
            {t("sdAdmin.preview.needCalendar")}
          </Text>
        ) : !request ? (
          <Text size="sm" c="dimmed">
            {t("sdAdmin.preview.needTarget")}
          </Text>
        ) : null}
        {state === "error" ? <ErrorState error={preview.error} title={t("sdAdmin.preview.failed")} /> : null}
        {request ? (
          <Table aria-live="polite" aria-busy={pending}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("sdAdmin.preview.target")}</Table.Th>
                <Table.Th scope="col">{t("sdAdmin.preview.duration")}</Table.Th>
                <Table.Th scope="col">{t("sdAdmin.preview.due")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TARGET_NAMES.filter((name) => targets[name]).map((name) => {
                const due = preview.data?.due[name];
                return (
                  <Table.Tr key={name}>
                    <Table.Td>{labels.target(name)}</Table.Td>
                    <Table.Td>{labels.duration(targets[name])}</Table.Td>
                    <Table.Td
                      data-testid={`preview-due-${name}`}
                      data-due={due ?? ""}
                      c={pending ? "dimmed" : undefined}
                    >
                      {due ? formatInZone(due, language, zone) : "…"}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
        <Text size="xs" c="dimmed">
          {t("sdAdmin.preview.note")}
        </Text>
      </Stack>
    </Paper>
  );
}
