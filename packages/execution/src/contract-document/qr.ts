import QRCode from "qrcode";

export const QR_MAX_INPUT_LENGTH = 2000;

/** An SVG QR code (margin 1, error correction M) for a signing or portal URL. */
export async function qrCodeSvg(url: string): Promise<string> {
  if (url.length === 0) throw new Error("qrCodeSvg: the URL is empty");
  if (url.length > QR_MAX_INPUT_LENGTH) {
    throw new Error(`qrCodeSvg: the URL is ${url.length} characters long; at most ${QR_MAX_INPUT_LENGTH} are allowed`);
  }
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
