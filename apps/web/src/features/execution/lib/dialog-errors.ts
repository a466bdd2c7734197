import { isApiError } from "../../../lib/api-client";
import { problemToFieldErrors, unplacedErrors, type FieldErrors } from "../../../lib/field-errors";

/**
 * What a dialog shows: the client's own checks first, else the server's field errors (paths relative to the body,
 * "worksite.postcode"), and the messages no visible field can show.
 */
export function dialogErrors(
  local: FieldErrors,
  error: unknown,
  fields: readonly string[],
): { errors: FieldErrors; unplaced: string[] } {
  const server = isApiError(error) ? problemToFieldErrors(error.fieldErrors) : {};
  const errors = { ...server, ...local };
  return { errors, unplaced: unplacedErrors(server, [...fields, "version"]) };
}
