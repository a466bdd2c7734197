import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { useCalendarOptions, useSlaMatrix } from "../../features/service-desk-admin/api/queries";
import { ALL_BUS, BuScopeSelect } from "../../features/service-desk-admin/components/shared/bu-scope-select";
import { MatrixEditor } from "../../features/service-desk-admin/components/sla/matrix-editor";
import { PolicyList } from "../../features/service-desk-admin/components/sla/policy-list";
import { useUrlFilters } from "../../lib/url-filters";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";
import { PageHeader } from "../../ui/page-header";

export function SlaRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["bu", "cell"] as const);
  const scope = filters.bu || ALL_BUS;
  const buId = scope === ALL_BUS ? null : scope;
  const units = useBusinessUnitOptions();
  const matrix = useSlaMatrix(buId);
  const calendars = useCalendarOptions();
  const unit = units.data?.find((bu) => bu.id === buId);

  return (
    <Stack>
      <PageHeader title={t("nav.admin.sla")} description={t("sdAdmin.sla.description")} />
      <BuScopeSelect
        label={t("sdAdmin.common.businessUnit")}
        value={scope}
        onChange={(bu) => setFilters({ bu: bu === ALL_BUS ? null : bu })}
        testId="sla-bu"
      />
      {matrix.isPending || calendars.isPending ? (
        <LoadingState />
      ) : matrix.error ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : calendars.error ? (
        <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />
      ) : (
        <MatrixEditor
          key={scope}
          matrix={matrix.data}
          calendars={calendars.data}
          buZone={unit?.timezone ?? null}
          selected={filters.cell || null}
          onSelect={(cell) => setFilters({ cell })}
        />
      )}
      <PolicyList priorities={matrix.data?.priorities ?? []} />
    </Stack>
  );
}
