import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateCatalogueItemRequest, ZUpdateCatalogueItemRequest, type TCatalogueItem } from "@atende/contracts";
import type { SlaDuration } from "@atende/domain";
import { unplacedErrors } from "../../../../lib/field-errors";
import { changedFields, emptyToNull } from "../../../../lib/patch";
import { useFormState } from "../../../../lib/use-form-state";
import { AmountUnitInput } from "../../../../ui/amount-unit-input";
import { FormAlert } from "../../../../ui/form-alert";
import { BusinessUnitSelect } from "../../../business-units/components/business-unit-select";
import { sdAdminKeys } from "../../api/keys";
import { useCreateCatalogueItem, useUpdateCatalogueItem } from "../../api/mutations";
import { useCalendarOptions } from "../../api/queries";
import { parseDurationInput, toDurationInput, type DurationInput } from "../../lib/duration";
import { useProblemMessage } from "../shared/use-problem-message";
import { useSdLabels } from "../shared/use-sd-labels";
import { useSdValidate } from "../shared/use-sd-validate";

const TARGETS = ["firstResponse", "resolution"] as const;
type Target = (typeof TARGETS)[number];
const FIELDS = ["code", "name", "description", "buId", "calendarId", "targets", "active"] as const;
type Values = {
  code: string;
  name: string;
  description: string;
  buId: string | null;
  calendarId: string | null;
  firstResponse: DurationInput;
  resolution: DurationInput;
  active: boolean;
};

const valuesOf = (item: TCatalogueItem | null): Values => ({
  code: item?.code ?? "",
  name: item?.name ?? "",
  description: item?.description ?? "",
  buId: item?.buId ?? null,
  calendarId: item?.calendarId ?? null,
  firstResponse: toDurationInput(item?.targets.firstResponse, "hours"),
  resolution: toDurationInput(item?.targets.resolution, "businessDays"),
  active: item?.active ?? true,
});

/** Create (item = null) or edit a back-office request type with its own calendar and targets. */
export function CatalogueItemModal({ item, onClose }: { item: TCatalogueItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const problemMessage = useProblemMessage();
  const client = useQueryClient();
  const form = useFormState<Values>(() => valuesOf(item));
  const validate = useSdValidate(form.setErrors);
  const calendars = useCalendarOptions();
  const create = useCreateCatalogueItem();
  const update = useUpdateCatalogueItem(item?.id ?? "");
  const mutation = item ? update : create;

  const done = () => {
    notifications.show({
      color: "teal",
      message: item ? t("sdAdmin.catalogue.updated") : t("sdAdmin.catalogue.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.catalogue() });
    onClose();
  };

  /** Typed durations -> targets, or null after putting each problem on its field. */
  const targetsOf = (values: Values): Partial<Record<Target, SlaDuration>> | null => {
    const targets: Partial<Record<Target, SlaDuration>> = {};
    const problems: Record<string, string> = {};
    for (const name of TARGETS) {
      const parsed = parseDurationInput(values[name]);
      if (!parsed.ok) problems[`targets.${name}`] = problemMessage(parsed.problem);
      else if (parsed.duration) targets[name] = parsed.duration;
    }
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      return null;
    }
    return targets;
  };

  const requestOf = (values: Values, targets: Partial<Record<Target, SlaDuration>>) => ({
    name: values.name.trim(),
    description: emptyToNull(values.description),
    calendarId: values.calendarId ?? "",
    targets,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const targets = targetsOf(form.values);
    if (!targets) return;
    if (!item) {
      const body = validate(ZCreateCatalogueItemRequest, {
        code: form.values.code.trim(),
        buId: form.values.buId,
        ...requestOf(form.values, targets),
      });
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const before = valuesOf(item);
    const patch = changedFields(
      { ...requestOf(before, item.targets), active: before.active },
      { ...requestOf(form.values, targets), active: form.values.active },
    );
    if (Object.keys(patch).length === 0) return onClose();
    const body = validate(ZUpdateCatalogueItemRequest, { ...patch, version: item.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  const setTarget = (name: Target, value: DurationInput) => {
    form.set(name, value);
    form.setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([path]) => path !== "targets" && !path.startsWith(`targets.${name}`)),
      ),
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={item ? t("sdAdmin.catalogue.editTitle", { code: item.code }) : t("sdAdmin.catalogue.createTitle")}
    >
      <form onSubmit={submit} noValidate data-testid="catalogue-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sdAdmin.common.code")}
              required
              disabled={item !== null}
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
              data-autofocus
            />
            <TextInput
              label={t("sdAdmin.common.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
          </SimpleGrid>
          <Textarea
            label={t("sdAdmin.catalogue.descriptionField")}
            autosize
            minRows={2}
            value={form.values.description}
            onChange={(e) => form.set("description", e.currentTarget.value)}
            error={form.errorOf("description")}
          />
          {item ? null : (
            <BusinessUnitSelect
              label={t("sdAdmin.common.businessUnit")}
              placeholder={t("sdAdmin.common.allBusinessUnits")}
              description={t("sdAdmin.common.buHint")}
              value={form.values.buId}
              onChange={(buId) => form.set("buId", buId)}
              error={form.errorOf("buId")}
              clearable
            />
          )}
          <Select
            label={t("sdAdmin.sla.calendar")}
            required
            searchable
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
            value={form.values.calendarId}
            onChange={(calendarId) => form.set("calendarId", calendarId)}
            error={form.errorOf("calendarId") ?? (calendars.error ? t("sdAdmin.calendars.loadFailed") : undefined)}
            placeholder={calendars.isPending ? t("common.loading") : undefined}
            nothingFoundMessage={t("common.nothingFound")}
          />
          <Text size="xs" c="dimmed">
            {t("sdAdmin.catalogue.targetsHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {TARGETS.map((name) => (
              <AmountUnitInput
                key={name}
                label={labels.target(name)}
                unitLabel={t("sdAdmin.sla.unitOf", { target: labels.target(name) })}
                value={form.values[name].value}
                unit={form.values[name].unit}
                units={labels.unitOptions}
                placeholder={t("sdAdmin.sla.noTarget")}
                onChange={(next) => setTarget(name, next)}
                error={form.errorOf(`targets.${name}`)}
                testId={`catalogue-${name}`}
              />
            ))}
          </SimpleGrid>
          {form.errors["targets"] ? (
            <Text c="red" size="sm" role="alert">
              {form.errors["targets"]}
            </Text>
          ) : null}
          {item ? (
            <Switch
              label={t("sdAdmin.common.active")}
              checked={form.values.active}
              onChange={(e) => form.set("active", e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="catalogue-submit">
              {item ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
