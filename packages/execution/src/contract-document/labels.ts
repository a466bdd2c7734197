export type ContractLocale = "en" | "es" | "pt";

export type ContractLabels = {
  title: string;
  contractNumber: string;
  version: string;
  issuedOn: string;
  jobNumber: string;
  projectNumber: string;
  customer: string;
  fiscalId: string;
  email: string;
  phone: string;
  worksite: string;
  schedule: string;
  plannedDate: string;
  duration: string;
  jobType: string;
  services: string;
  code: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  total: string;
  noServices: string;
  products: string;
  sku: string;
  deliveryDate: string;
  toBeConfirmed: string;
  noProducts: string;
  terms: string;
  defaultTerms: string;
  signature: string;
  signatureNotice: string;
  signatureName: string;
  signatureDate: string;
  page: string;
  auditTitle: string;
  auditSigner: string;
  auditSignedAtLocal: string;
  auditSignedAtUtc: string;
  auditMethod: string;
  auditMethodPortal: string;
  auditMethodLink: string;
  auditIp: string;
  auditUserAgent: string;
  auditContract: string;
  auditConsent: string;
  auditHash: string;
  auditHashStatement: string;
  auditSignature: string;
  unknown: string;
};

const en: ContractLabels = {
  title: "Service contract",
  contractNumber: "Contract no.",
  version: "Version",
  issuedOn: "Issued on",
  jobNumber: "Job no.",
  projectNumber: "Project no.",
  customer: "Customer",
  fiscalId: "Tax ID",
  email: "Email",
  phone: "Phone",
  worksite: "Worksite",
  schedule: "Schedule",
  plannedDate: "Planned date",
  duration: "Estimated duration",
  jobType: "Job type",
  services: "Services",
  code: "Code",
  description: "Description",
  quantity: "Qty",
  unitPrice: "Unit price",
  amount: "Amount",
  total: "Total",
  noServices: "No services are included in this contract.",
  products: "Products",
  sku: "SKU",
  deliveryDate: "Delivery date",
  toBeConfirmed: "To be confirmed",
  noProducts: "No products are included in this contract.",
  terms: "Terms and conditions",
  defaultTerms:
    "The provider will carry out the services described in this contract at the worksite and on the planned date. " +
    "Any change to the scope, date or price must be agreed in writing by both parties before the work starts.",
  signature: "Customer signature",
  signatureNotice:
    "The customer signs this contract electronically through the customer portal or the signing link sent by email, " +
    "or alternatively by hand on a paper copy.",
  signatureName: "Name",
  signatureDate: "Date",
  page: "Page",
  auditTitle: "Signature audit trail",
  auditSigner: "Signer",
  auditSignedAtLocal: "Signed at (local time)",
  auditSignedAtUtc: "Signed at (UTC)",
  auditMethod: "Signing method",
  auditMethodPortal: "Customer portal",
  auditMethodLink: "Signing link",
  auditIp: "IP address",
  auditUserAgent: "User agent",
  auditContract: "Contract",
  auditConsent: "Consent given",
  auditHash: "Document SHA-256",
  auditHashStatement:
    "This SHA-256 hash identifies the unsigned contract document (all pages before this audit trail). " +
    "Any change to that document produces a different hash.",
  auditSignature: "Electronic signature",
  unknown: "Not recorded",
};

const es: ContractLabels = {
  title: "Contrato de servicio",
  contractNumber: "Contrato n.º",
  version: "Versión",
  issuedOn: "Emitido el",
  jobNumber: "Trabajo n.º",
  projectNumber: "Proyecto n.º",
  customer: "Cliente",
  fiscalId: "NIF/CIF",
  email: "Correo electrónico",
  phone: "Teléfono",
  worksite: "Lugar de trabajo",
  schedule: "Planificación",
  plannedDate: "Fecha prevista",
  duration: "Duración estimada",
  jobType: "Tipo de trabajo",
  services: "Servicios",
  code: "Código",
  description: "Descripción",
  quantity: "Cant.",
  unitPrice: "Precio unitario",
  amount: "Importe",
  total: "Total",
  noServices: "Este contrato no incluye servicios.",
  products: "Productos",
  sku: "Referencia",
  deliveryDate: "Fecha de entrega",
  toBeConfirmed: "Por confirmar",
  noProducts: "Este contrato no incluye productos.",
  terms: "Términos y condiciones",
  defaultTerms:
    "El proveedor realizará los servicios descritos en este contrato en el lugar de trabajo y en la fecha prevista. " +
    "Cualquier cambio de alcance, fecha o precio deberá acordarse por escrito entre ambas partes antes de iniciar los trabajos.",
  signature: "Firma del cliente",
  signatureNotice:
    "El cliente firma este contrato electrónicamente a través del portal del cliente o del enlace de firma enviado por " +
    "correo electrónico, o bien a mano en una copia en papel.",
  signatureName: "Nombre",
  signatureDate: "Fecha",
  page: "Página",
  auditTitle: "Registro de auditoría de la firma",
  auditSigner: "Firmante",
  auditSignedAtLocal: "Firmado el (hora local)",
  auditSignedAtUtc: "Firmado el (UTC)",
  auditMethod: "Método de firma",
  auditMethodPortal: "Portal del cliente",
  auditMethodLink: "Enlace de firma",
  auditIp: "Dirección IP",
  auditUserAgent: "Agente de usuario",
  auditContract: "Contrato",
  auditConsent: "Consentimiento otorgado",
  auditHash: "SHA-256 del documento",
  auditHashStatement:
    "Este hash SHA-256 identifica el documento del contrato sin firmar (todas las páginas anteriores a este registro). " +
    "Cualquier modificación de ese documento produce un hash distinto.",
  auditSignature: "Firma electrónica",
  unknown: "No registrado",
};

const pt: ContractLabels = {
  title: "Contrato de serviço",
  contractNumber: "Contrato n.º",
  version: "Versão",
  issuedOn: "Emitido em",
  jobNumber: "Trabalho n.º",
  projectNumber: "Projeto n.º",
  customer: "Cliente",
  fiscalId: "NIF",
  email: "E-mail",
  phone: "Telefone",
  worksite: "Local da obra",
  schedule: "Planeamento",
  plannedDate: "Data prevista",
  duration: "Duração estimada",
  jobType: "Tipo de trabalho",
  services: "Serviços",
  code: "Código",
  description: "Descrição",
  quantity: "Qtd.",
  unitPrice: "Preço unitário",
  amount: "Valor",
  total: "Total",
  noServices: "Este contrato não inclui serviços.",
  products: "Produtos",
  sku: "Referência",
  deliveryDate: "Data de entrega",
  toBeConfirmed: "A confirmar",
  noProducts: "Este contrato não inclui produtos.",
  terms: "Termos e condições",
  defaultTerms:
    "O prestador realizará os serviços descritos neste contrato no local da obra e na data prevista. " +
    "Qualquer alteração ao âmbito, à data ou ao preço deve ser acordada por escrito entre as partes antes do início dos trabalhos.",
  signature: "Assinatura do cliente",
  signatureNotice:
    "O cliente assina este contrato eletronicamente através do portal do cliente ou da ligação de assinatura enviada " +
    "por e-mail, ou, em alternativa, à mão numa cópia em papel.",
  signatureName: "Nome",
  signatureDate: "Data",
  page: "Página",
  auditTitle: "Registo de auditoria da assinatura",
  auditSigner: "Signatário",
  auditSignedAtLocal: "Assinado em (hora local)",
  auditSignedAtUtc: "Assinado em (UTC)",
  auditMethod: "Método de assinatura",
  auditMethodPortal: "Portal do cliente",
  auditMethodLink: "Ligação de assinatura",
  auditIp: "Endereço IP",
  auditUserAgent: "Agente do utilizador",
  auditContract: "Contrato",
  auditConsent: "Consentimento dado",
  auditHash: "SHA-256 do documento",
  auditHashStatement:
    "Este hash SHA-256 identifica o documento do contrato não assinado (todas as páginas anteriores a este registo). " +
    "Qualquer alteração a esse documento produz um hash diferente.",
  auditSignature: "Assinatura eletrónica",
  unknown: "Não registado",
};

const LABELS: Readonly<Record<ContractLocale, ContractLabels>> = { en, es, pt };

export function contractLabels(locale: ContractLocale): ContractLabels {
  return LABELS[locale];
}
