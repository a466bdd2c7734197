import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZServiceCodeInput, ZServiceCodeUpdate, type TServiceCode } from "@atende/contracts";
import { SX_TYPES } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { currencyDigits, decimalToMinor, minorToDecimal } from "../../../lib/money";
import { changedFields } from "../../../lib/patch";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useBusinessUnitOptions } from "../../business-units/api/queries";
import { BusinessUnitSelect } from "../../business-units/components/business-unit-select";
import { execAdminKeys } from "../api/keys";
import { useCreateServiceCode, useUpdateServiceCode } from "../api/mutations";
import { numberOrText } from "../../service-desk-admin/lib/form-values";
import { sxTypeKey } from "../lib/labels";

// Form field names are the request's, so the server's `body.<field>` errors land on them.
const FIELDS = [
  "buId",
  "code",
  "label",
  "profession",
  "specialty",
  "sxType",
  "durationMinutes",
  "customerPriceMinor",
  "providerPriceMinor",
  "active",
] as const;

type Values = {
  buId: string | null;
  code: string;
  label: string;
  profession: string;
  specialty: string;
  sxType: string | null;
  durationMinutes: number | string;
  /** Shown and typed as decimals in the BU's currency; sent as minor units. */
  customerPriceMinor: number | string;
  providerPriceMinor: number | string;
  active: boolean;
};

function valuesOf(code: TServiceCode | null, buId: string | null, currency: string): Values {
  return {
    buId: code?.buId ?? buId,
    code: code?.code ?? "",
    label: code?.label ?? "",
    profession: code?.profession ?? "",
    specialty: code?.specialty ?? "",
    sxType: code?.sxType ?? null,
    durationMinutes: code?.durationMinutes ?? "",
    customerPriceMinor: code ? minorToDecimal(code.customerPriceMinor, currency) : "",
    providerPriceMinor: code ? minorToDecimal(code.providerPriceMinor, currency) : "",
    active: code?.active ?? true,
  };
}

/** The editable fields as the API takes them; what does not parse stays as typed, so validation names the field. */
function requestOf(values: Values, currency: string) {
  const money = (value: number | string) => {
    const amount = numberOrText(value);
    return typeof amount === "number" ? decimalToMinor(amount, currency) : amount;
  };
  return {
    label: values.label.trim(),
    profession: values.profession.trim(),
    specialty: values.specialty.trim(),
    sxType: values.sxType ?? undefined,
    durationMinutes: numberOrText(values.durationMinutes),
    customerPriceMinor: money(values.customerPriceMinor),
    providerPriceMinor: money(values.providerPriceMinor),
  };
}

type Props = { code: TServiceCode | null; defaultBuId: string | null; onClose: () => void };

/** Create (code = null) or edit a service code; its code and BU are fixed once created. */
export function ServiceCodeModal({ code, defaultBuId, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useBusinessUnitOptions();
  const currencyOf = (buId: string | null) => units.data?.find((bu) => bu.id === buId)?.currency ?? "EUR";
  const initialCurrency = currencyOf(code?.buId ?? defaultBuId);
  const form = useFormState<Values>(() => valuesOf(code, defaultBuId, initialCurrency));
  const currency = code ? initialCurrency : currencyOf(form.values.buId);
  const digits = currencyDigits(currency);
  const create = useCreateServiceCode();
  const update = useUpdateServiceCode(code?.id ?? "");
  const mutation = code ? update : create;

  const done = () => {
    notifications.show({
      color: "teal",
      message: code ? t("execAdmin.serviceCodes.updated") : t("execAdmin.serviceCodes.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: execAdminKeys.serviceCodes() });
    onClose();
  };
  const onError = (error: unknown) => form.showServerErrors(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code) {
      const body = form.validate(ZServiceCodeInput, {
        buId: form.values.buId ?? undefined,
        code: form.values.code.trim(),
        ...requestOf(form.values, currency),
      });
      if (body) create.mutate(body, { onSuccess: done, onError });
      return;
    }
    const before = valuesOf(code, null, currency);
    const patch = changedFields(
      { ...requestOf(before, currency), active: before.active },
      { ...requestOf(form.values, currency), active: form.values.active },
    );
    if (Object.keys(patch).length === 0) return onClose();
    const body = form.validate(ZServiceCodeUpdate, { ...patch, version: code.version });
    if (body) update.mutate(body, { onSuccess: done, onError });
  };

  const text = (name: "code" | "label" | "profession" | "specialty", label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required
      value={form.values[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      error={form.errorOf(name)}
      data-testid={`service-code-${name}`}
    />
  );
  const price = (name: "customerPriceMinor" | "providerPriceMinor", label: string) => (
    <NumberInput
      label={label}
      description={t("execAdmin.serviceCodes.hints.price", { currency })}
      required
      min={0}
      allowNegative={false}
      decimalScale={digits}
      value={form.values[name]}
      onChange={(value) => form.set(name, value)}
      error={form.errorOf(name)}
      data-testid={`service-code-${name}`}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        code ? t("execAdmin.serviceCodes.editTitle", { code: code.code }) : t("execAdmin.serviceCodes.createTitle")
      }
    >
      <form onSubmit={submit} noValidate data-testid="service-code-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          {code ? null : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <BusinessUnitSelect
                label={t("execAdmin.common.businessUnit")}
                required
                value={form.values.buId}
                onChange={(buId) => form.set("buId", buId)}
                error={form.errorOf("buId")}
                testId="service-code-bu"
              />
              {text("code", t("execAdmin.serviceCodes.fields.code"), t("execAdmin.serviceCodes.hints.code"))}
            </SimpleGrid>
          )}
          {text("label", t("execAdmin.serviceCodes.fields.label"))}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("profession", t("execAdmin.serviceCodes.fields.profession"), t("execAdmin.serviceCodes.hints.skill"))}
            {text("specialty", t("execAdmin.serviceCodes.fields.specialty"), t("execAdmin.serviceCodes.hints.skill"))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("execAdmin.serviceCodes.fields.sxType")}
              required
              data={SX_TYPES.map((type) => ({ value: type, label: t(sxTypeKey(type)) }))}
              value={form.values.sxType}
              onChange={(sxType) => form.set("sxType", sxType)}
              error={form.errorOf("sxType")}
              allowDeselect={false}
              data-testid="service-code-sxType"
            />
            <NumberInput
              label={t("execAdmin.serviceCodes.fields.durationMinutes")}
              required
              min={5}
              max={20_160}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              value={form.values.durationMinutes}
              onChange={(value) => form.set("durationMinutes", value)}
              error={form.errorOf("durationMinutes")}
              data-testid="service-code-durationMinutes"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {price("customerPriceMinor", t("execAdmin.serviceCodes.fields.customerPrice"))}
            {price("providerPriceMinor", t("execAdmin.serviceCodes.fields.providerPrice"))}
          </SimpleGrid>
          {code ? (
            <Switch
              label={t("execAdmin.common.active")}
              checked={form.values.active}
              onChange={(e) => form.set("active", e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="service-code-submit">
              {code ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
