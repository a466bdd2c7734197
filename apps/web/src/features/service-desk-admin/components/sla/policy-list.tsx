import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TPriorityLevelView, TServiceSlaPolicy } from "@atende/contracts";
import { DataTable, type Column } from "../../../../ui/data-table";
import { SearchInput } from "../../../../ui/search-input";
import { useBusinessUnitOptions } from "../../../business-units/api/queries";
import { useCalendarOptions, useSlaPolicyList } from "../../api/queries";
import { TARGET_NAMES } from "../../lib/matrix";
import { useSdLabels } from "../shared/use-sd-labels";
import { PolicyEditorDrawer } from "./policy-editor-drawer";

/** Every policy with what it matches, its targets, escalation and channel rules; edited in a drawer. */
export function PolicyList({ priorities }: { priorities: readonly TPriorityLevelView[] }) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const [q, setQ] = useState("");
  const list = useSlaPolicyList({ q, buId: "" });
  const calendars = useCalendarOptions();
  const units = useBusinessUnitOptions();
  const [editing, setEditing] = useState<TServiceSlaPolicy | null>(null);

  const conditions = (policy: TServiceSlaPolicy) => {
    const c = policy.conditions;
    const parts = [
      c.types?.map(labels.type).join(", "),
      c.priorities?.map((code) => labels.priority({ code })).join(", "),
      c.channels?.map(labels.channel).join(", "),
      c.tiers?.length ? t("sdAdmin.policies.tiers", { tiers: c.tiers.join(", ") }) : undefined,
      c.catalogueItemIds?.length
        ? t("sdAdmin.policies.catalogueItems", { count: c.catalogueItemIds.length })
        : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : t("sdAdmin.policies.anyTicket");
  };

  const columns: Column<TServiceSlaPolicy>[] = [
    {
      key: "name",
      header: t("sdAdmin.policies.name"),
      render: (policy) => (
        <Stack gap={0}>
          <Text size="sm">{policy.name}</Text>
          <Text size="xs" c="dimmed">
            {policy.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: "bu",
      header: t("sdAdmin.common.businessUnit"),
      render: (p) =>
        p.buId ? (units.data?.find((bu) => bu.id === p.buId)?.code ?? p.buId) : t("sdAdmin.common.allBusinessUnits"),
    },
    { key: "conditions", header: t("sdAdmin.policies.conditions"), render: conditions },
    {
      key: "calendar",
      header: t("sdAdmin.sla.calendar"),
      render: (p) => calendars.data?.find((c) => c.id === p.calendarId)?.name ?? "",
    },
    {
      key: "targets",
      header: t("sdAdmin.policies.targets"),
      render: (p) =>
        TARGET_NAMES.filter((name) => p.targets[name])
          .map((name) => `${labels.target(name)}: ${labels.duration(p.targets[name])}`)
          .join(" · "),
    },
    {
      key: "escalation",
      header: t("sdAdmin.policies.escalation"),
      render: (p) => t("sdAdmin.policies.levelCount", { count: p.escalation.length }),
    },
    {
      key: "rules",
      header: t("sdAdmin.policies.channelRules"),
      render: (p) => t("sdAdmin.policies.ruleCount", { count: p.channelRules.length }),
    },
    {
      key: "active",
      header: t("sdAdmin.common.status"),
      width: 100,
      render: (p) => (
        <Badge variant="light" color={p.active ? "teal" : "gray"}>
          {p.active ? t("sdAdmin.common.active") : t("sdAdmin.common.inactive")}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (p) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing(p)}
          aria-label={t("sdAdmin.policies.editAria", { code: p.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Stack component="section" aria-labelledby="policies-title" gap="sm">
      <Title order={2} size="h3" id="policies-title">
        {t("sdAdmin.policies.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("sdAdmin.policies.description")}
      </Text>
      <Group>
        <SearchInput label={t("common.search")} value={q} onChange={setQ} />
      </Group>
      <DataTable
        caption={t("sdAdmin.policies.title")}
        columns={columns}
        list={list}
        getRowId={(p) => p.id}
        emptyTitle={q ? t("common.noMatches") : t("sdAdmin.policies.empty")}
        testId="sla-policies-table"
      />
      {editing ? (
        <PolicyEditorDrawer
          key={editing.id}
          policy={editing}
          priorities={priorities}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
