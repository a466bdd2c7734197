import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PxStatus, SxStatus } from "@atende/domain";
import { pxStatusKey, sxStatusKey, tagLabel } from "../lib/labels";

const SX_COLORS: Record<SxStatus, string> = {
  pre_scheduled: "orange",
  scheduled: "blue",
  distributed: "indigo",
  confirmed: "cyan",
  in_progress: "teal",
  waiting_for_wcf: "yellow",
  done: "green",
  closed: "gray",
  cancelled: "red",
  non_compliant: "grape",
};

const PX_COLORS: Record<PxStatus, string> = {
  new: "blue",
  ongoing: "teal",
  on_hold: "yellow",
  closed: "gray",
  cancelled: "red",
};

export function SxStatusBadge({ status, size }: { status: SxStatus; size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge color={SX_COLORS[status]} variant="light" size={size} data-testid="job-status" data-status={status}>
      {t(sxStatusKey(status))}
    </Badge>
  );
}

export function PxStatusBadge({ status }: { status: PxStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PX_COLORS[status]} variant="filled" data-testid="project-status" data-status={status}>
      {t(pxStatusKey(status))}
    </Badge>
  );
}

export function TagBadges({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Group gap={4} data-testid="job-tags">
      {tags.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" size="sm" data-tag={tag}>
          {tagLabel(t, tag)}
        </Badge>
      ))}
    </Group>
  );
}
