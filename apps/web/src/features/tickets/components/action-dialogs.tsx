import { Button, Group, Modal, Radio, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import { PAUSE_REASONS, RESOLUTION_KINDS, type PauseReason, type ResolutionKind } from "@atende/domain";
import { FormAlert } from "../../../ui/form-alert";
import { useTicketAction } from "../api/mutations";
import { pauseReasonKey, resolutionKindKey } from "../lib/labels";

type DialogProps = { ticket: TTicketDetail; onClose: () => void; onDone: () => void };

export function PendDialog({ ticket, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const [reason, setReason] = useState<PauseReason>("waiting_customer");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ action: "pend", version: ticket.version, pauseReason: reason }, { onSuccess: onDone });
  };
  return (
    <Modal opened onClose={onClose} title={t("desk.pend.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={action.error} onReload={onClose} />
          <Radio.Group
            label={t("desk.pend.reason")}
            description={t("desk.pend.hint")}
            value={reason}
            onChange={(value) => setReason(value as PauseReason)}
            required
          >
            <Stack gap="xs" mt="xs">
              {PAUSE_REASONS.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(pauseReasonKey(value))}
                  data-testid={`pend-reason-${value}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={action.isPending} data-testid="pend-confirm">
              {t("desk.action.pend")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResolveDialog({ ticket, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const [kind, setKind] = useState<ResolutionKind>("definitive");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return setNoteError(t("validation.required"));
    if (text.length > 5000) return setNoteError(t("validation.maxLength", { count: 5000 }));
    action.mutate(
      { action: "resolve", version: ticket.version, resolution: { kind, note: text } },
      { onSuccess: onDone },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("desk.resolve.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={action.error} onReload={onClose} />
          <Radio.Group
            label={t("desk.resolve.kind")}
            value={kind}
            onChange={(value) => setKind(value as ResolutionKind)}
            required
          >
            <Stack gap="xs" mt="xs">
              {RESOLUTION_KINDS.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(resolutionKindKey(value))}
                  description={t(`desk.resolve.kindHint.${value}`)}
                  data-testid={`resolve-kind-${value}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("desk.resolve.note")}
            description={t("desk.resolve.noteHint")}
            required
            autosize
            minRows={3}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setNoteError(undefined);
            }}
            error={noteError}
            data-testid="resolve-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" color="green" loading={action.isPending} data-testid="resolve-confirm">
              {t("desk.action.resolve")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
