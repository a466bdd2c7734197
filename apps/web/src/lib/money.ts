/** Digits after the decimal point of an ISO 4217 currency (EUR 2, JPY 0, BHD 3); 2 when the code is unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units -> decimal amount (100000 EUR cents -> 1000). */
export function minorToDecimal(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/**
 * Decimal amount -> integer minor units. Rounds to the currency's precision, which also absorbs binary
 * representation error (1.15 * 100 = 114.99999999999999).
 */
export function decimalToMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorToDecimal(minor, currency));
  } catch {
    return String(minorToDecimal(minor, currency));
  }
}
