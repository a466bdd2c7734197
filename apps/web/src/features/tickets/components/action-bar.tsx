import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import type { TicketAction } from "@atende/domain";
import { useTicketAction } from "../api/mutations";
import { actionKey } from "../lib/labels";
import { notifyTicketError } from "../lib/notify-error";
import { PendDialog, ResolveDialog } from "./action-dialogs";

/** The agent's buttons, in workflow order; the system's and the customer's own actions are never offered here. */
const STAFF_ACTIONS = [
  "acknowledge",
  "start",
  "pend",
  "resume",
  "resolve",
  "close",
  "reopen",
] as const satisfies readonly TicketAction[];
type StaffAction = (typeof STAFF_ACTIONS)[number];

const COLORS: Partial<Record<StaffAction, string>> = {
  resolve: "green",
  pend: "yellow",
  reopen: "orange",
  close: "gray",
};

export function ActionBar({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const [dialog, setDialog] = useState<"pend" | "resolve" | null>(null);
  const available = STAFF_ACTIONS.filter((name) => ticket.allowedActions.includes(name));

  const done = (name: StaffAction) => {
    setDialog(null);
    notifications.show({ color: "teal", message: t("desk.ticket.actionDone", { action: t(actionKey(name)) }) });
  };
  const run = (name: StaffAction) => {
    if (name === "pend" || name === "resolve") return setDialog(name);
    action.mutate(
      { action: name, version: ticket.version },
      { onSuccess: () => done(name), onError: (error) => notifyTicketError(error, t) },
    );
  };

  if (available.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t("desk.ticket.actions")}>
        {available.map((name) => (
          <Button
            key={name}
            size="sm"
            variant={name === "resolve" ? "filled" : "light"}
            color={COLORS[name]}
            loading={action.isPending && action.variables?.action === name}
            disabled={action.isPending}
            onClick={() => run(name)}
            data-testid={`action-${name}`}
          >
            {t(actionKey(name))}
          </Button>
        ))}
      </Group>
      {dialog === "pend" ? (
        <PendDialog ticket={ticket} onClose={() => setDialog(null)} onDone={() => done("pend")} />
      ) : null}
      {dialog === "resolve" ? (
        <ResolveDialog ticket={ticket} onClose={() => setDialog(null)} onDone={() => done("resolve")} />
      ) : null}
    </>
  );
}
