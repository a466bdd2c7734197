import { Chip, Fieldset, Group, Input, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WEEKDAYS } from "@atende/domain";
import { weekdayKey } from "../../../lib/i18n-keys";
import type { WindowValue } from "../lib/parameter-form";
import { useParameterDescription } from "./parameter-field";

type Props = {
  value: WindowValue;
  onChange: (value: WindowValue) => void;
  errors: { days?: string; from?: string; to?: string; whole?: string };
  currency: string;
  disabled: boolean;
};

/**
 * The contract send window: weekdays plus a start and end time. Times are typed as HH:MM text because the end may be
 * 24:00 (to midnight), which a native time input cannot hold.
 */
export function SendWindowField({ value, onChange, errors, currency, disabled }: Props) {
  const { t } = useTranslation();
  const description = useParameterDescription("contractSendWindow", currency);
  return (
    <Fieldset
      legend={t("parameters.fields.contractSendWindow")}
      data-testid="param-contractSendWindow"
      disabled={disabled}
    >
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {description}
        </Text>
        <Input.Wrapper label={t("parameters.window.days")} error={errors.days} id="param-window-days">
          <Chip.Group multiple value={value.days} onChange={(days) => onChange({ ...value, days })}>
            <Group
              gap="xs"
              mt={4}
              role="group"
              aria-label={t("parameters.window.days")}
              data-testid="param-contractSendWindow-days"
            >
              {WEEKDAYS.map((day) => (
                <Chip key={day} value={day} size="sm" disabled={disabled}>
                  {t(weekdayKey(day))}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Group grow align="flex-start">
          <TextInput
            label={t("parameters.window.from")}
            placeholder="07:00"
            maxLength={5}
            inputMode="numeric"
            value={value.from}
            onChange={(event) => onChange({ ...value, from: event.currentTarget.value })}
            error={errors.from}
            disabled={disabled}
            data-testid="param-contractSendWindow-from"
          />
          <TextInput
            label={t("parameters.window.to")}
            description={t("parameters.window.toHint")}
            placeholder="23:00"
            maxLength={5}
            inputMode="numeric"
            value={value.to}
            onChange={(event) => onChange({ ...value, to: event.currentTarget.value })}
            error={errors.to}
            disabled={disabled}
            data-testid="param-contractSendWindow-to"
          />
        </Group>
        {errors.whole ? (
          <Text c="red" size="sm" role="alert">
            {errors.whole}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
