export {
  renderContractPdf,
  toWinAnsi,
  PDF_PRODUCER,
  type ContractDocumentInput,
  type ContractLocale,
  type ContractProductLine,
  type ContractServiceLine,
} from "./contract-pdf";
export { appendAuditTrail, sha256Hex, type SignatureRecord } from "./audit-trail";
export { qrCodeSvg, QR_MAX_INPUT_LENGTH } from "./qr";
export { hashSigningToken, isWellFormedSigningToken, newSigningToken } from "./signing-token";
