import type { TFieldError } from "@atende/contracts";

/** Field path (dot separated, relative to the form) -> first message for it. */
export type FieldErrors = Record<string, string>;

type IssueLike = { path: readonly PropertyKey[]; message: string };

/** zod issues -> field errors; the first issue of a path wins. */
export function issuesToFieldErrors(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/**
 * Server field errors -> form field errors. Server paths name where the value was ("body.name",
 * "body.parameters.automaticAssignmentAttempts"); `base` is stripped so the rest matches the form's field names.
 */
export function problemToFieldErrors(errors: readonly TFieldError[], base = "body"): FieldErrors {
  const result: FieldErrors = {};
  const prefix = `${base}.`;
  for (const error of errors) {
    if (!error.path.startsWith(prefix)) continue;
    const path = error.path.slice(prefix.length);
    if (path && !(path in result)) result[path] = error.message;
  }
  return result;
}

/** The message for a field or anything nested below it ("roles.0.buId" belongs to "roles.0"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return nested === undefined ? undefined : errors[nested];
}

/** Errors that no visible field shows, so the form can list them rather than lose them. */
export function unplacedErrors(errors: FieldErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !fields.some((field) => path === field || path.startsWith(`${field}.`)))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
}
