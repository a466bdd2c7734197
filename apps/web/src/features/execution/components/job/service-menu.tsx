import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SxAction } from "@atende/domain";
import { menuEntries, type DialogAction, type JobTab } from "../../lib/job-actions";
import { actionKey } from "../../lib/labels";

type Props = {
  allowed: readonly SxAction[];
  onDialog: (action: DialogAction) => void;
  onTab: (tab: JobTab) => void;
};

/** Exactly the job's allowed actions; the API decides them from the status, the role and the BU's rules. */
export function ServiceMenu({ allowed, onDialog, onTab }: Props) {
  const { t } = useTranslation();
  const entries = menuEntries(allowed);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={260}>
      <Menu.Target>
        <Button disabled={entries.length === 0} data-testid="service-menu">
          {t("exec.job.serviceManagement")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {entries.map((entry) => (
          <Menu.Item
            key={entry.action}
            disabled={entry.kind === "unavailable"}
            title={entry.kind === "unavailable" ? t("exec.job.actionLater") : undefined}
            onClick={() => {
              if (entry.kind === "dialog") onDialog(entry.dialog);
              if (entry.kind === "tab") onTab(entry.tab);
            }}
            color={entry.action === "cancel" ? "red" : undefined}
            data-testid={`action-${entry.action}`}
          >
            {t(actionKey(entry.action))}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
