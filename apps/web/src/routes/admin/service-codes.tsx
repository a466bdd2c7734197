import { Group, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BusinessUnitSelect } from "../../features/business-units/components/business-unit-select";
import { ProductsPanel } from "../../features/execution-admin/components/products-panel";
import { ServiceCodesPanel } from "../../features/execution-admin/components/service-codes-panel";
import { useUrlFilters } from "../../lib/url-filters";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

/** Service codes and products, per BU: the BU filter also says where a CSV import goes. */
export function ServiceCodesRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["tab", "bu", "q"] as const);
  const tab = filters.tab === "products" ? "products" : "services";
  return (
    <>
      <PageHeader title={t("nav.admin.service-codes")} description={t("execAdmin.catalogue.description")} />
      <Group mb="md" align="flex-end">
        <BusinessUnitSelect
          label={t("execAdmin.common.businessUnit")}
          placeholder={t("execAdmin.common.allBusinessUnits")}
          value={filters.bu || null}
          onChange={(bu) => setFilters({ bu })}
          clearable
          w={320}
          testId="catalogue-bu"
        />
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
      </Group>
      <Tabs value={tab} onChange={(next) => setFilters({ tab: next === "products" ? next : null })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="services" data-testid="tab-service-codes">
            {t("execAdmin.catalogue.servicesTab")}
          </Tabs.Tab>
          <Tabs.Tab value="products" data-testid="tab-products">
            {t("execAdmin.catalogue.productsTab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services">
          <ServiceCodesPanel buId={filters.bu} q={filters.q} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsPanel buId={filters.bu} q={filters.q} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
