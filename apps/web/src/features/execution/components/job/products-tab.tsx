import { Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TJob } from "@atende/contracts";
import { currentLanguage } from "../../../../lib/i18n";
import { formatMoney } from "../../../../lib/money";
import { EmptyState } from "../../../../ui/empty-state";
import { useBusinessUnitOptions } from "../../../business-units/api/queries";
import { formatDay } from "../../lib/exec-format";
import { durationLabel } from "../../lib/labels";

/** The order's product lines (with delivery dates) and this job's service lines (codes, durations, prices). */
export function ProductsTab({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useBusinessUnitOptions();
  // Prices are in the BU's currency; until the BUs load (or if the user may not read them) euros are assumed.
  const currency = units.data?.find((unit) => unit.id === job.buId)?.currency ?? "EUR";
  const money = (minor: number) => formatMoney(minor, currency, language);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("exec.products.services")}
        </Title>
        {job.services.length === 0 ? (
          <EmptyState title={t("exec.products.noServices")} />
        ) : (
          <Table striped verticalSpacing="xs" data-testid="job-services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("exec.fields.serviceCode")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.label")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.quantity")}</Table.Th>
                <Table.Th scope="col">{t("exec.fields.duration")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.customerPrice")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.providerPrice")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.services.map((line, index) => (
                <Table.Tr key={`${line.code}:${index}`} data-testid="job-service-line">
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {line.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td>{line.quantity}</Table.Td>
                  <Table.Td>{durationLabel(t, line.durationMinutes)}</Table.Td>
                  <Table.Td>{money(line.customerPriceMinor)}</Table.Td>
                  <Table.Td>{money(line.providerPriceMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("exec.products.products")}
        </Title>
        {job.products.length === 0 ? (
          <EmptyState title={t("exec.products.noProducts")} />
        ) : (
          <Table striped verticalSpacing="xs" data-testid="job-products">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("exec.products.sku")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.label")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.quantity")}</Table.Th>
                <Table.Th scope="col">{t("exec.products.delivery")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.products.map((line, index) => (
                <Table.Tr key={`${line.sku}:${index}`} data-testid="job-product-line">
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {line.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td>{line.quantity}</Table.Td>
                  <Table.Td>
                    {line.expectedDeliveryDate
                      ? formatDay(line.expectedDeliveryDate, language)
                      : t("exec.products.noDelivery")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
