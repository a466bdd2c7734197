import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { FieldErrors } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import type { CustomMessages } from "../../../../lib/issue-message";
import { sdIssuesToMessages } from "../../lib/issue-messages";

/** Validates a request with its contract schema; on failure puts the translated messages on the form's fields. */
export function useSdValidate(setErrors: (errors: FieldErrors) => void, first?: CustomMessages) {
  const { t } = useTranslation();
  return useCallback(
    <S extends z.ZodType>(schema: S, candidate: unknown): z.output<S> | null => {
      const parsed = schema.safeParse(candidate);
      if (parsed.success) {
        setErrors({});
        return parsed.data;
      }
      setErrors(sdIssuesToMessages(parsed.error.issues, t, currentLanguage(), first));
      return null;
    },
    [setErrors, t, first],
  );
}
