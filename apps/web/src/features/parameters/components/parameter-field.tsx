import { NumberInput, Select, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ASSIGNMENT_MODES, BU_PARAMETER_META } from "@atende/domain";
import { currencyDigits } from "../../../lib/money";
import { dynamicKey, parameterKey, unitKey } from "../../../lib/i18n-keys";
import type { ParameterFormValues, ParameterKey } from "../lib/parameter-form";

type Props<K extends ParameterKey> = {
  name: K;
  value: ParameterFormValues[K];
  onChange: (value: ParameterFormValues[K]) => void;
  error: string | undefined;
  currency: string;
  disabled: boolean;
};

/** The description under each input: its unit and where its default comes from in the seeds. */
export function useParameterDescription(name: ParameterKey, currency: string): string {
  const { t } = useTranslation();
  const meta = BU_PARAMETER_META[name];
  const unit = meta.unit === "money" ? t("parameters.units.money", { currency }) : t(unitKey(meta.unit));
  return t("parameters.describe", { unit, source: meta.source });
}

/** One scalar parameter with the input its unit calls for (the send window has its own component). */
export function ParameterField<K extends Exclude<ParameterKey, "contractSendWindow">>({
  name,
  value,
  onChange,
  error,
  currency,
  disabled,
}: Props<K>) {
  const { t } = useTranslation();
  const description = useParameterDescription(name, currency);
  const label = t(parameterKey(name));
  const unit = BU_PARAMETER_META[name].unit;
  const common = { label, description, error, disabled, "data-testid": `param-${name}` };
  // Each branch narrows `value` by the unit the domain declares for the parameter.
  const set = onChange as (next: unknown) => void;

  if (unit === "boolean") {
    return <Switch {...common} checked={value === true} onChange={(event) => set(event.currentTarget.checked)} />;
  }
  if (unit === "enum") {
    return (
      <Select
        {...common}
        allowDeselect={false}
        data={ASSIGNMENT_MODES.map((mode) => ({
          value: mode,
          label: t(dynamicKey(`parameters.assignmentModes.${mode}`)),
        }))}
        value={typeof value === "string" ? String(value) : null}
        onChange={(next) => set(next ?? "")}
      />
    );
  }
  if (unit === "list") {
    return (
      <TextInput
        {...common}
        placeholder="48, 168"
        value={typeof value === "string" ? value : ""}
        onChange={(event) => set(event.currentTarget.value)}
      />
    );
  }
  const numeric = typeof value === "number" || typeof value === "string" ? value : "";
  if (unit === "money") {
    const digits = currencyDigits(currency);
    return (
      <NumberInput
        {...common}
        value={numeric}
        onChange={set}
        decimalScale={digits}
        fixedDecimalScale={digits > 0}
        leftSection={currency}
        leftSectionWidth={52}
        thousandSeparator=" "
        hideControls
      />
    );
  }
  if (unit === "ratio") {
    return <NumberInput {...common} value={numeric} onChange={set} step={0.01} decimalScale={4} />;
  }
  return <NumberInput {...common} value={numeric} onChange={set} allowDecimal={false} />;
}
