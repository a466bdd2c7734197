import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../../ui/form-alert";

type Props = {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  /** The failed request, shown above the fields with the problem's detail (403/409/422 name the rule). */
  error: unknown;
  unplaced?: string[];
  confirmLabel: string;
  confirmColor?: string;
  confirmDisabled?: boolean;
  pending: boolean;
  testId: string;
  size?: "sm" | "md" | "lg";
  children: ReactNode;
};

/** The frame every job action dialog shares: title, error, fields, Cancel and the confirming button. */
export function DialogFrame({
  title,
  onClose,
  onSubmit,
  error,
  unplaced,
  confirmLabel,
  confirmColor,
  confirmDisabled,
  pending,
  testId,
  size = "md",
  children,
}: Props) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmDisabled) onSubmit();
  };
  return (
    // The test id sits on the visible dialog, not on Mantine's zero-size root.
    <Modal opened onClose={onClose} title={title} size={size} attributes={{ content: { "data-testid": testId } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={error} unplaced={unplaced} onReload={onClose} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button
              type="submit"
              color={confirmColor}
              loading={pending}
              disabled={confirmDisabled}
              data-testid={`${testId}-confirm`}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
