import {
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateCalendarRequest, ZUpdateCalendarRequest, type TBusinessCalendar } from "@atende/contracts";
import { zWeeklyCalendar } from "@atende/domain";
import { unplacedErrors } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import { changedFields } from "../../../../lib/patch";
import { timeZoneOptions } from "../../../../lib/time-zones";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { useBusinessUnitOptions } from "../../../business-units/api/queries";
import { BusinessUnitSelect } from "../../../business-units/components/business-unit-select";
import { sdAdminKeys } from "../../api/keys";
import { useCreateCalendar, useUpdateCalendar } from "../../api/mutations";
import { definitionFromForm, toCalendarForm, type CalendarFormValues } from "../../lib/calendar-form";
import { sdIssuesToMessages } from "../../lib/issue-messages";
import { browserZone } from "../../lib/zoned-time";
import { useSdValidate } from "../shared/use-sd-validate";
import { HolidaysEditor } from "./holidays-editor";
import { WeeklyHoursEditor } from "./weekly-hours-editor";

const FIELDS = ["code", "name", "buId", "definition"] as const;

const requestOf = (values: CalendarFormValues) => ({
  code: values.code.trim(),
  name: values.name.trim(),
  definition: definitionFromForm(values),
});

/** Create (calendar = null) or edit a business calendar: zone, weekly hours, holidays, or 24x7. */
export function CalendarFormDrawer({ calendar, onClose }: { calendar: TBusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<CalendarFormValues>(() => toCalendarForm(calendar, browserZone()));
  const zones = useMemo(timeZoneOptions, []);
  const units = useBusinessUnitOptions();
  const validate = useSdValidate(form.setErrors);
  const create = useCreateCalendar();
  const update = useUpdateCalendar(calendar?.id ?? "");
  const mutation = calendar ? update : create;
  const bu = units.data?.find((unit) => unit.id === (form.values.buId ?? calendar?.buId));

  // Definition errors sit under "definition." and must go as soon as the part they name is edited.
  const setDefinition = <K extends "always" | "timezone" | "hours" | "holidays">(
    key: K,
    value: CalendarFormValues[K],
  ) => {
    form.set(key, value);
    const prefix = key === "always" ? "definition" : `definition.${key}`;
    form.setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(
          ([path]) => path !== "definition" && path !== prefix && !path.startsWith(`${prefix}.`),
        ),
      ),
    );
  };

  const done = () => {
    notifications.show({
      color: "teal",
      message: calendar ? t("sdAdmin.calendars.updated") : t("sdAdmin.calendars.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.calendars() });
    onClose();
  };

  /** The domain schema names the exact interval or holiday; the request's union would only name "definition". */
  const definitionValid = (definition: unknown) => {
    if (definition === "24x7") return true;
    const parsed = zWeeklyCalendar.safeParse(definition);
    if (parsed.success) return true;
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["definition", ...issue.path] }));
    form.setErrors(sdIssuesToMessages(issues, t, currentLanguage()));
    return false;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = requestOf(form.values);
    if (!definitionValid(request.definition)) return;
    if (!calendar) {
      const body = validate(ZCreateCalendarRequest, { ...request, buId: form.values.buId });
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const patch = changedFields(requestOf(toCalendarForm(calendar, browserZone())), request);
    if (Object.keys(patch).length === 0) return onClose();
    const body = validate(ZUpdateCalendarRequest, { ...patch, version: calendar.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={calendar ? t("sdAdmin.calendars.editTitle", { code: calendar.code }) : t("sdAdmin.calendars.createTitle")}
    >
      <form onSubmit={submit} noValidate data-testid="calendar-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sdAdmin.common.code")}
              required
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
          {calendar ? null : (
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
          <Switch
            label={t("sdAdmin.calendars.always")}
            description={t("sdAdmin.calendars.alwaysHint")}
            checked={form.values.always}
            onChange={(e) => setDefinition("always", e.currentTarget.checked)}
            data-testid="calendar-24x7"
          />
          {form.values.always ? null : (
            <>
              <Select
                label={t("sdAdmin.calendars.timezone")}
                required
                searchable
                data={zones}
                value={form.values.timezone}
                onChange={(value) => setDefinition("timezone", value ?? "")}
                error={form.errorOf("definition.timezone")}
                nothingFoundMessage={t("common.nothingFound")}
                limit={100}
                w={320}
              />
              <Divider />
              <Title order={3} size="h5">
                {t("sdAdmin.calendars.weeklyHours")}
              </Title>
              <WeeklyHoursEditor
                hours={form.values.hours}
                onChange={(hours) => setDefinition("hours", hours)}
                errorOf={(path) => form.errorOf(path)}
              />
              <Divider />
              <Title order={3} size="h5">
                {t("sdAdmin.calendars.holidays")}
              </Title>
              <HolidaysEditor
                holidays={form.values.holidays}
                onChange={(holidays) => setDefinition("holidays", holidays)}
                defaultCountry={bu?.country ?? "ES"}
                error={form.errorOf("definition.holidays")}
              />
            </>
          )}
          {form.errors["definition"] ? (
            <Text c="red" size="sm" role="alert">
              {form.errors["definition"]}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="calendar-submit">
              {calendar ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
