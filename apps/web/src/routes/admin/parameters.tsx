import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { scopedBuIds } from "@atende/domain";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { BusinessUnitSelect } from "../../features/business-units/components/business-unit-select";
import { useCan, useCurrentUser } from "../../features/auth/components/current-user";
import { useBuParameters } from "../../features/parameters/api/queries";
import { ParameterHistory } from "../../features/parameters/components/parameter-history";
import { ParametersForm } from "../../features/parameters/components/parameters-form";
import { useUrlFilters } from "../../lib/url-filters";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";
import { PageHeader } from "../../ui/page-header";

export function ParametersRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["bu"] as const);
  const units = useBusinessUnitOptions();
  const canEdit = useCan("bu.parameters.edit");
  const me = useCurrentUser();
  // With a single BU (in the tenant, or in the user's scope) there is nothing to choose.
  const scoped = scopedBuIds(me.roles, "bu.parameters.read");
  const only =
    units.data?.length === 1 ? units.data[0]?.id : scoped !== "all" && scoped.length === 1 ? scoped[0] : undefined;
  const buId = filters.bu || only || null;
  const unit = units.data?.find((bu) => bu.id === buId);
  const parameters = useBuParameters(buId);

  return (
    <Stack>
      <PageHeader title={t("nav.admin.parameters")} description={t("parameters.description")} />
      <BusinessUnitSelect
        label={t("parameters.businessUnit")}
        placeholder={t("parameters.chooseBusinessUnit")}
        value={buId}
        onChange={(bu) => setFilters({ bu })}
        testId="parameters-bu"
        w={340}
      />
      {units.error ? <ErrorState error={units.error} onRetry={() => void units.refetch()} /> : null}
      {!buId ? (
        units.isPending ? null : units.data?.length === 0 ? (
          <EmptyState title={t("parameters.noBusinessUnits")} />
        ) : (
          <EmptyState title={t("parameters.chooseBusinessUnit")} description={t("parameters.chooseHint")} />
        )
      ) : parameters.isPending || units.isPending ? (
        <LoadingState />
      ) : parameters.error ? (
        <ErrorState error={parameters.error} onRetry={() => void parameters.refetch()} />
      ) : (
        <>
          <ParametersForm
            key={`${buId}:${parameters.data.version}:${unit?.currency}`}
            saved={parameters.data}
            currency={unit?.currency ?? "EUR"}
            canEdit={canEdit}
            onReload={() => void parameters.refetch()}
          />
          <ParameterHistory buId={buId} />
        </>
      )}
    </Stack>
  );
}
