import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api-client";
import { errorAt, problemToFieldErrors, type FieldErrors } from "./field-errors";
import { currentLanguage } from "./i18n";
import { formCustomMessages, issuesToMessages, type Issue } from "./issue-message";

type SafeParser<Out> = {
  safeParse: (value: unknown) => { success: true; data: Out } | { success: false; error: { issues: Issue[] } };
};

/** Controlled form values with field errors from client-side zod validation and from the server's problem. */
export function useFormState<T extends Record<string, unknown>>(initial: T | (() => T)) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const name = String(key);
      const remaining = Object.entries(current).filter(([path]) => path !== name && !path.startsWith(`${name}.`));
      return remaining.length === Object.keys(current).length ? current : Object.fromEntries(remaining);
    });
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  /** Validates with the schema; on failure shows the messages on the fields and returns null. */
  const validate = useCallback(
    <Out>(schema: SafeParser<Out>, candidate: unknown): Out | null => {
      const parsed = schema.safeParse(candidate);
      if (parsed.success) {
        setErrors({});
        return parsed.data;
      }
      setErrors(issuesToMessages(parsed.error.issues, t, currentLanguage(), formCustomMessages));
      return null;
    },
    [t],
  );

  /** Maps the server's `errors[].path` ("body.name") onto the form's fields. */
  const showServerErrors = useCallback((error: unknown, base = "body") => {
    if (isApiError(error)) setErrors(problemToFieldErrors(error.fieldErrors, base));
  }, []);

  const errorOf = useCallback((path: string) => errorAt(errors, path), [errors]);

  return { values, set, setValues, errors, setErrors, reset, validate, showServerErrors, errorOf };
}
