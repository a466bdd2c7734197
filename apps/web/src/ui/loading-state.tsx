import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite" data-testid="loading">
      <Loader aria-label={label ?? t("common.loading")} />
    </Center>
  );
}
