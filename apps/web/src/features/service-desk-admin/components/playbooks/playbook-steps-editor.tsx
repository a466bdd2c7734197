import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useReplyTemplateCodes } from "../../api/queries";
import { move } from "../../lib/form-values";

export type StepValue = { title: string; templateCode: string };

type Props = {
  steps: StepValue[];
  onChange: (steps: StepValue[]) => void;
  errorOf: (path: string) => string | undefined;
};

/** The ordered checklist: each step a title and, optionally, the reply template it sends. */
export function PlaybookStepsEditor({ steps, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const codes = useReplyTemplateCodes();
  const update = (index: number, patch: Partial<StepValue>) =>
    onChange(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)));

  return (
    <Stack gap="xs" data-testid="playbook-steps">
      <Text size="sm" fw={500}>
        {t("sdAdmin.playbooks.steps")}
      </Text>
      <ol style={{ margin: 0, paddingLeft: 24 }}>
        {steps.map((step, index) => {
          const n = index + 1;
          return (
            <li key={index} style={{ marginBottom: 8 }}>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <TextInput
                  aria-label={t("sdAdmin.playbooks.stepTitle", { n })}
                  placeholder={t("sdAdmin.playbooks.stepTitlePlaceholder")}
                  value={step.title}
                  onChange={(e) => update(index, { title: e.currentTarget.value })}
                  error={errorOf(`steps.${index}.title`)}
                  style={{ flex: 2 }}
                  data-testid={`step-${index}-title`}
                />
                <Autocomplete
                  aria-label={t("sdAdmin.playbooks.stepTemplate", { n })}
                  placeholder={t("sdAdmin.playbooks.noTemplate")}
                  data={codes.data ?? []}
                  value={step.templateCode}
                  onChange={(templateCode) => update(index, { templateCode })}
                  error={errorOf(`steps.${index}.templateCode`)}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  onClick={() => onChange(move(steps, index, -1))}
                  disabled={index === 0}
                  aria-label={t("sdAdmin.playbooks.moveUp", { n })}
                  mt={4}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  onClick={() => onChange(move(steps, index, 1))}
                  disabled={index === steps.length - 1}
                  aria-label={t("sdAdmin.playbooks.moveDown", { n })}
                  mt={4}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(steps.filter((_, i) => i !== index))}
                  aria-label={t("sdAdmin.playbooks.removeStep", { n })}
                  mt={4}
                >
                  ×
                </ActionIcon>
              </Group>
            </li>
          );
        })}
      </ol>
      {errorOf("steps") && !steps.some((_, i) => errorOf(`steps.${i}`)) ? (
        <Text size="sm" c="red" role="alert">
          {errorOf("steps")}
        </Text>
      ) : null}
      <div>
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange([...steps, { title: "", templateCode: "" }])}
          data-testid="add-step"
        >
          {t("sdAdmin.playbooks.addStep")}
        </Button>
      </div>
    </Stack>
  );
}
