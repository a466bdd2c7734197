/** A business rule refused the action: 403 (who), 409 (state) or 422 (value); the API turns it into problem+json. */
export class ExecRuleError extends Error {
  constructor(
    readonly httpStatus: 403 | 404 | 409 | 422,
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
