import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LiveStatus } from "./live-connection";

/** Whether what is on screen follows changes as they happen, or may be behind until the stream is back. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  const open = status === "open";
  return (
    <Badge
      variant="dot"
      color={open ? "green" : "gray"}
      role="status"
      aria-live="polite"
      title={open ? t("desk.live.openHint") : t("desk.live.connectingHint")}
      data-testid="live-status"
      data-state={status}
    >
      {open ? t("desk.live.open") : t("desk.live.connecting")}
    </Badge>
  );
}
