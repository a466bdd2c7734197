import { Anchor, Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { SigningPanel } from "../../features/execution/components/signing/signing-panel";

export function PortalSignContractRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/portal/projects" size="sm" w="fit-content" data-testid="back-to-portal-projects">
        ← {t("nav.portal.projects")}
      </Anchor>
      <Paper withBorder p="lg" maw={860}>
        <SigningPanel source={{ kind: "portal", jobId: id }} />
      </Paper>
    </Stack>
  );
}
