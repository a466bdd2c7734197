import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateBusinessUnitRequest, ZUpdateBusinessUnitRequest, type TBusinessUnit } from "@atende/contracts";
import { LOCALES } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { localeKey } from "../../../lib/i18n-keys";
import { changedFields } from "../../../lib/patch";
import { timeZoneOptions } from "../../../lib/time-zones";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { businessUnitKeys } from "../api/keys";
import { useCreateBusinessUnit, useUpdateBusinessUnit } from "../api/mutations";

const FIELDS = ["code", "name", "timezone", "locale", "currency", "country", "contractTerms"] as const;
type Values = {
  code: string;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  country: string;
  contractTerms: string;
};

function initialValues(unit: TBusinessUnit | null): Values {
  return {
    code: unit?.code ?? "",
    name: unit?.name ?? "",
    timezone: unit?.timezone ?? "Europe/Madrid",
    locale: unit?.locale ?? "es",
    currency: unit?.currency ?? "EUR",
    country: unit?.country ?? "",
    contractTerms: unit?.contractTerms ?? "",
  };
}

function normalise(values: Values): Values {
  return {
    ...values,
    code: values.code.trim(),
    name: values.name.trim(),
    currency: values.currency.trim().toUpperCase(),
    country: values.country.trim().toUpperCase(),
  };
}

/** Create (unit = null) or edit a business unit. */
export function BusinessUnitFormModal({ unit, onClose }: { unit: TBusinessUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<Values>(() => initialValues(unit));
  const create = useCreateBusinessUnit();
  const update = useUpdateBusinessUnit(unit?.id ?? "");
  const mutation = unit ? update : create;
  const zones = useMemo(timeZoneOptions, []);
  const client = useQueryClient();
  const reload = () => {
    void client.invalidateQueries({ queryKey: businessUnitKeys.all });
    onClose();
  };

  const done = () => {
    notifications.show({ color: "teal", message: unit ? t("businessUnits.updated") : t("businessUnits.created") });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = normalise(form.values);
    if (!unit) {
      const body = form.validate(ZCreateBusinessUnitRequest, values);
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const patch = changedFields(initialValues(unit), values);
    if (Object.keys(patch).length === 0) return onClose();
    const body = form.validate(ZUpdateBusinessUnitRequest, { ...patch, version: unit.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={unit ? t("businessUnits.editTitle", { code: unit.code }) : t("businessUnits.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("businessUnits.fields.code")}
              required
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
              data-autofocus
            />
            <TextInput
              label={t("businessUnits.fields.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
            <Select
              label={t("businessUnits.fields.timezone")}
              required
              searchable
              data={zones}
              value={form.values.timezone}
              onChange={(value) => form.set("timezone", value ?? "")}
              error={form.errorOf("timezone")}
              nothingFoundMessage={t("common.nothingFound")}
              limit={100}
            />
            <Select
              label={t("businessUnits.fields.locale")}
              required
              allowDeselect={false}
              data={LOCALES.map((locale) => ({ value: locale, label: t(localeKey(locale)) }))}
              value={form.values.locale}
              onChange={(value) => form.set("locale", value ?? "")}
              error={form.errorOf("locale")}
            />
            <TextInput
              label={t("businessUnits.fields.currency")}
              description={t("businessUnits.hints.currency")}
              required
              maxLength={3}
              value={form.values.currency}
              onChange={(e) => form.set("currency", e.currentTarget.value.toUpperCase())}
              error={form.errorOf("currency")}
            />
            <TextInput
              label={t("businessUnits.fields.country")}
              description={t("businessUnits.hints.country")}
              required
              maxLength={2}
              value={form.values.country}
              onChange={(e) => form.set("country", e.currentTarget.value.toUpperCase())}
              error={form.errorOf("country")}
            />
          </SimpleGrid>
          <Textarea
            label={t("businessUnits.fields.contractTerms")}
            description={t("businessUnits.hints.contractTerms")}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={20_000}
            value={form.values.contractTerms}
            onChange={(e) => form.set("contractTerms", e.currentTarget.value)}
            error={form.errorOf("contractTerms")}
            data-testid="business-unit-contract-terms"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="business-unit-submit">
              {unit ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
