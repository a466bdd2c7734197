import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NotificationTemplatesPanel } from "../../features/service-desk-admin/components/templates/notification-templates-panel";
import { ReplyTemplatesPanel } from "../../features/service-desk-admin/components/templates/reply-templates-panel";
import { useUrlFilters } from "../../lib/url-filters";
import { PageHeader } from "../../ui/page-header";

export function TemplatesRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["tab"] as const);
  const tab = filters.tab === "notifications" ? "notifications" : "replies";
  return (
    <>
      <PageHeader title={t("nav.admin.templates")} description={t("sdAdmin.templates.description")} />
      <Tabs
        value={tab}
        onChange={(next) => setFilters({ tab: next === "notifications" ? next : null })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="replies" data-testid="tab-replies">
            {t("sdAdmin.templates.replyTab")}
          </Tabs.Tab>
          <Tabs.Tab value="notifications" data-testid="tab-notifications">
            {t("sdAdmin.templates.notificationTab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="replies">
          <ReplyTemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="notifications">
          <NotificationTemplatesPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
