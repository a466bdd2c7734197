import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { insertVariable, unknownVariables } from "../../lib/template-variables";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  variables: readonly string[];
  error?: string;
  minRows?: number;
  testId?: string;
};

/** A template text with the variables it may use, each insertable at the caret, and a warning for unknown ones. */
export function TemplateBodyField({ label, value, onChange, variables, error, minRows = 6, testId }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownVariables(value, variables);

  const insert = (name: string) => {
    const element = ref.current;
    const result = insertVariable(
      value,
      element?.selectionStart ?? value.length,
      element?.selectionEnd ?? value.length,
      name,
    );
    onChange(result.text);
    // After React has put the new text in, put the caret after the inserted variable.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(result.caret, result.caret);
    });
  };

  return (
    <Stack gap={6}>
      <Textarea
        ref={ref}
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={minRows}
        maxRows={20}
        required
        error={error}
        data-testid={testId}
      />
      <div role="group" aria-label={t("sdAdmin.templates.variables")}>
        <Text size="xs" c="dimmed" mb={4}>
          {t("sdAdmin.templates.variablesHint")}
        </Text>
        <Group gap={4}>
          {variables.map((name) => (
            <Button
              key={name}
              size="compact-xs"
              variant="light"
              onClick={() => insert(name)}
              aria-label={t("sdAdmin.templates.insertVariable", { name })}
            >
              {`{{${name}}}`}
            </Button>
          ))}
        </Group>
      </div>
      {unknown.length > 0 ? (
        <Text size="xs" c="orange" role="status">
          {t("sdAdmin.templates.unknownVariables", { names: unknown.join(", ") })}
        </Text>
      ) : null}
    </Stack>
  );
}
