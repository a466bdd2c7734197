import { Alert, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TBusinessCalendar } from "@atende/contracts";
import { errorAt, type FieldErrors } from "../../../../lib/field-errors";
import { AmountUnitInput } from "../../../../ui/amount-unit-input";
import { TARGET_NAMES, type CellDraft, type CellProblems } from "../../lib/matrix";
import { useProblemMessage } from "../shared/use-problem-message";
import { useSdLabels } from "../shared/use-sd-labels";

type Props = {
  title: string;
  draft: CellDraft;
  calendars: readonly TBusinessCalendar[];
  problems: CellProblems | undefined;
  serverErrors: FieldErrors | undefined;
  policyCode: string | null;
  disabled: boolean;
  onChange: (draft: CellDraft) => void;
};

/** The selected cell's calendar, four targets (number + unit; empty = no target) and warning threshold. */
export function CellEditor({ title, draft, calendars, problems, serverErrors, policyCode, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const problemMessage = useProblemMessage();
  const errorOf = (path: string) => {
    const problem = problems?.[path];
    return problem ? problemMessage(problem) : serverErrors ? errorAt(serverErrors, path) : undefined;
  };
  const calendarData = calendars.map((calendar) => ({
    value: calendar.id,
    label: `${calendar.name} (${calendar.code})`,
  }));
  const wholeError = errorOf("targets") ?? serverErrors?.[""];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cell-editor-title" data-testid="cell-editor">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="cell-editor-title">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {policyCode ? t("sdAdmin.sla.fromPolicy", { code: policyCode }) : t("sdAdmin.sla.noPolicyYet")}
          </Text>
        </div>
        <Select
          label={t("sdAdmin.sla.calendar")}
          data={calendarData}
          value={draft.calendarId}
          onChange={(calendarId) => onChange({ ...draft, calendarId })}
          searchable
          required
          disabled={disabled}
          error={errorOf("calendarId")}
          nothingFoundMessage={t("common.nothingFound")}
          data-testid="cell-calendar"
        />
        <Text size="xs" c="dimmed">
          {t("sdAdmin.sla.targetsHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {TARGET_NAMES.map((name) => (
            <AmountUnitInput
              key={name}
              label={labels.target(name)}
              unitLabel={t("sdAdmin.sla.unitOf", { target: labels.target(name) })}
              value={draft.targets[name].value}
              unit={draft.targets[name].unit}
              units={labels.unitOptions}
              placeholder={t("sdAdmin.sla.noTarget")}
              onChange={(next) => onChange({ ...draft, targets: { ...draft.targets, [name]: next } })}
              error={errorOf(`targets.${name}`)}
              disabled={disabled}
              testId={`cell-${name}`}
            />
          ))}
        </SimpleGrid>
        {wholeError ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            {wholeError}
          </Alert>
        ) : null}
        <NumberInput
          label={t("sdAdmin.sla.warningPercent")}
          description={t("sdAdmin.sla.warningHint")}
          value={draft.warningPercent}
          onChange={(warningPercent) => onChange({ ...draft, warningPercent })}
          min={1}
          max={99}
          allowDecimal={false}
          suffix=" %"
          disabled={disabled}
          error={errorOf("warningPercent")}
          w={220}
          data-testid="cell-warningPercent"
        />
      </Stack>
    </Paper>
  );
}
