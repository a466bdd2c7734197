import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { CellProblem } from "../../lib/matrix";

/** The UI wording of a problem found before sending. */
export function useProblemMessage() {
  const { t } = useTranslation();
  return useCallback(
    (problem: CellProblem): string => {
      switch (problem) {
        case "notANumber":
          return t("sdAdmin.validation.notANumber");
        case "notPositive":
          return t("sdAdmin.validation.notPositive");
        case "notWhole":
          return t("sdAdmin.validation.notWhole");
        case "tooLarge":
          return t("sdAdmin.validation.tooLarge");
        case "required":
          return t("validation.required");
        case "noTarget":
          return t("sdAdmin.validation.noTarget");
        case "warningRange":
          return t("sdAdmin.validation.warningRange");
        case "unknownType":
          return t("sdAdmin.validation.unknownType");
      }
    },
    [t],
  );
}
