import { Button, Group, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Props = { createLabel: string; canImport: boolean; onCreate: () => void; onImport: () => void; testId: string };

/** Create and import actions above a catalogue table; importing needs one BU chosen in the filter. */
export function CatalogueToolbar({ createLabel, canImport, onCreate, onImport, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mb="sm">
      <Tooltip label={t("execAdmin.catalogue.chooseBuToImport")} disabled={canImport}>
        <Button variant="default" onClick={onImport} disabled={!canImport} data-testid={`${testId}-import`}>
          {t("execAdmin.catalogue.import")}
        </Button>
      </Tooltip>
      <Button onClick={onCreate} data-testid={`${testId}-create`}>
        {createLabel}
      </Button>
    </Group>
  );
}
