/** The justification rule of cancellations and skipped contracts (DOMAIN 3.3): 10 to 500 characters, trimmed. */
export const JUSTIFICATION = { min: 10, max: 500 } as const;

export type JustificationState = { length: number; tooShort: boolean; tooLong: boolean; valid: boolean };

export function justificationState(text: string): JustificationState {
  const length = text.trim().length;
  const tooShort = length < JUSTIFICATION.min;
  const tooLong = length > JUSTIFICATION.max;
  return { length, tooShort, tooLong, valid: !tooShort && !tooLong };
}
