import { Group, Input, NativeSelect, NumberInput } from "@mantine/core";
import { useId } from "react";

type Props<U extends string> = {
  label: string;
  /** Names the unit select for screen readers, e.g. "First response: unit". */
  unitLabel: string;
  value: number | string;
  unit: U;
  units: readonly { value: U; label: string }[];
  onChange: (next: { value: number | string; unit: U }) => void;
  error?: string;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  /** `${testId}-value` and `${testId}-unit` name the two controls. */
  testId?: string;
};

/** A number and its unit side by side, sharing one label and one error; changing the unit keeps the number. */
export function AmountUnitInput<U extends string>({
  label,
  unitLabel,
  value,
  unit,
  units,
  onChange,
  error,
  description,
  placeholder,
  disabled,
  testId,
}: Props<U>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      description={description}
      error={error}
      errorProps={{ id: errorId }}
    >
      <Group gap={6} wrap="nowrap" mt={4}>
        <NumberInput
          id={id}
          value={value}
          onChange={(next) => onChange({ value: next, unit })}
          min={0}
          allowNegative={false}
          decimalScale={2}
          placeholder={placeholder}
          disabled={disabled}
          error={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          style={{ flex: 1, minWidth: 80 }}
          data-testid={testId ? `${testId}-value` : undefined}
        />
        <NativeSelect
          aria-label={unitLabel}
          value={unit}
          data={units.map((option) => ({ value: option.value, label: option.label }))}
          onChange={(event) => {
            const next = units.find((option) => option.value === event.currentTarget.value);
            if (next) onChange({ value, unit: next.value });
          }}
          disabled={disabled}
          w={150}
          data-testid={testId ? `${testId}-unit` : undefined}
        />
      </Group>
    </Input.Wrapper>
  );
}
