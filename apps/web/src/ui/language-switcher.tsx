import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage, isUiLanguage, UI_LANGUAGES } from "../lib/i18n";

export function LanguageSwitcher({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const label = t("language.label");
  return (
    <NativeSelect
      label={withLabel ? label : undefined}
      aria-label={label}
      value={currentLanguage()}
      data={UI_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isUiLanguage(value)) void changeLanguage(value);
      }}
      data-testid="language-switcher"
      w={withLabel ? undefined : 130}
    />
  );
}
