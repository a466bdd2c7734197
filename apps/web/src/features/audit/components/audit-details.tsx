import { Code, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TAuditEntry } from "@atende/contracts";

function Json({ value }: { value: unknown }) {
  return (
    <Code block style={{ maxHeight: 320, overflow: "auto", whiteSpace: "pre-wrap" }}>
      {value === null || value === undefined ? "∅" : JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** The before/after snapshots of one audit entry. */
export function AuditDetails({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t("audit.sourceIp", { ip: entry.sourceIp ?? "—" })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("audit.before")}
          </Text>
          <Json value={entry.before} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("audit.after")}
          </Text>
          <Json value={entry.after} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
