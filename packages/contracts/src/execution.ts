import { z } from "zod";
import {
  CANCEL_REASONS,
  DOCUMENT_CATEGORIES,
  PX_STATUSES,
  SX_ACTIONS,
  SX_STATUSES,
  SX_TAGS,
  SX_TYPES,
  SYSTEM_TASK_KINDS,
} from "@atende/domain";
import { ZVersion } from "./common";
import { ZPageQuery } from "./pagination";

const ZDate = z.iso.date().meta({ examples: ["2027-03-15"] });
const ZShortText = (max: number) => z.string().trim().min(1).max(max);
const ZPostcode = z
  .string()
  .trim()
  .min(3)
  .max(12)
  .regex(/^[A-Za-z0-9 -]+$/, "letters, digits, spaces and '-' only")
  .meta({ examples: ["28013"] });
const ZPhone = z
  .string()
  .trim()
  .min(6)
  .max(30)
  .regex(/^\+?[0-9 ()./-]+$/, "digits, spaces and + ( ) . / - only")
  .meta({ examples: ["+34 600 111 222"] });

export const ZWorksite = z.strictObject({
  line1: ZShortText(200).meta({ examples: ["Calle Mayor 1, 3º B"] }),
  postcode: ZPostcode,
  city: ZShortText(120).meta({ examples: ["Madrid"] }),
});
export type TWorksite = z.infer<typeof ZWorksite>;

export const ZContact = z.strictObject({
  name: ZShortText(200).meta({ examples: ["Lucía Martín"] }),
  email: z
    .email()
    .max(254)
    .nullable()
    .meta({ examples: ["lucia@example.com"] }),
  phone: ZPhone.nullable(),
});
export type TContact = z.infer<typeof ZContact>;

// ===== Catalogue =====

const ZSkillName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/, "lower-case letters, digits and '_' only");
const ZMinor = z.number().int().min(0).max(100_000_000);

export const ZServiceCodeInput = z.strictObject({
  buId: z.uuid(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, '-' and '_' only")
    .meta({ examples: ["49-KIT-001"] }),
  label: ZShortText(200).meta({ examples: ["Kitchen installation"] }),
  profession: ZSkillName.meta({ examples: ["carpentry"] }),
  specialty: ZSkillName.meta({ examples: ["kitchen"] }),
  durationMinutes: z.number().int().min(5).max(20_160),
  customerPriceMinor: ZMinor,
  providerPriceMinor: ZMinor,
  sxType: z.enum(SX_TYPES),
});
export const ZServiceCode = ZServiceCodeInput.extend({
  id: z.uuid(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TServiceCode = z.infer<typeof ZServiceCode>;
export const ZServiceCodeUpdate = ZServiceCodeInput.omit({ buId: true, code: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: ZVersion });

export const ZProductInput = z.strictObject({
  buId: z.uuid(),
  sku: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, '-' and '_' only")
    .meta({ examples: ["SKU-1001"] }),
  label: ZShortText(200).meta({ examples: ["Oven 60 cm"] }),
});
export const ZProduct = ZProductInput.extend({ id: z.uuid(), active: z.boolean(), version: z.number().int() });
export type TProduct = z.infer<typeof ZProduct>;
export const ZProductUpdate = z.strictObject({
  label: ZShortText(200).optional(),
  active: z.boolean().optional(),
  version: ZVersion,
});

export const ZCatalogueQuery = ZPageQuery.extend({
  buId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export const ZCatalogueImportQuery = z.strictObject({ buId: z.uuid() });
/** Columns of the CSV import files (header line, any order); prices are decimals in the BU's currency. */
export const SERVICE_CODE_CSV_COLUMNS = [
  "code",
  "label",
  "profession",
  "specialty",
  "durationMinutes",
  "customerPrice",
  "providerPrice",
  "sxType",
] as const;
export const PRODUCT_CSV_COLUMNS = ["sku", "label"] as const;
/** Data lines per import file: one all-or-nothing transaction. */
export const CATALOGUE_IMPORT_MAX_LINES = 5_000;
/** `unchanged`: lines naming an existing row with the very same values (a re-import bumps no versions). */
export const ZImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

// ===== Inbound orders (order system integration) =====

const ZExternalId = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '.', '-' and '_' only")
  .meta({ examples: ["PYX-2027-000123"] });

export const ZOrderCustomer = z
  .strictObject({
    fiscalId: z
      .string()
      .trim()
      .min(3)
      .max(30)
      .nullable()
      .optional()
      .meta({ examples: ["12345678Z"] }),
    customerId: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .nullable()
      .optional()
      .meta({ examples: ["C-889911"] }),
    name: ZShortText(200).meta({ examples: ["Lucía Martín"] }),
    email: z.email().max(254).nullable().optional(),
    phone: ZPhone.nullable().optional(),
  })
  .refine((c) => Boolean(c.fiscalId) || Boolean(c.customerId), {
    message: "a customer needs a fiscal id or a customer id",
    path: ["fiscalId"],
  });

export const ZOrderProductLine = z.strictObject({
  sku: ZShortText(40).meta({ examples: ["SKU-1001"] }),
  label: ZShortText(200).optional(),
  quantity: z.number().int().min(1).max(10_000),
  expectedDeliveryDate: ZDate.nullable(),
});
export const ZOrderServiceLine = z.strictObject({
  code: ZShortText(40).meta({ examples: ["49-KIT-001"] }),
  quantity: z.number().int().min(1).max(1_000),
});

export const ZOrderBody = z.strictObject({
  storeCode: ZShortText(40).meta({ examples: ["ES-MAD-01"] }),
  seller: z.strictObject({
    id: ZShortText(60).meta({ examples: ["S-042"] }),
    name: ZShortText(200).meta({ examples: ["Pablo Ruiz"] }),
    email: z.email().max(254).nullable().optional(),
  }),
  customer: ZOrderCustomer,
  worksite: ZWorksite,
  contact: ZContact.optional(),
  orderedAt: z.iso.datetime({ offset: true }).optional(),
  products: z.array(ZOrderProductLine).max(200),
  services: z.array(ZOrderServiceLine).min(1).max(100),
});
export const ZOrderCreate = ZOrderBody.extend({ orderId: ZExternalId });
export type TOrderCreate = z.infer<typeof ZOrderCreate>;
export type TOrderBody = z.infer<typeof ZOrderBody>;
export const ZOrderParams = z.strictObject({ orderId: ZExternalId });
export const ZOrderCancel = z.strictObject({ reason: ZShortText(500).optional() });

export const ZOrderJobOutcome = z.object({
  jobId: z.uuid(),
  number: z.number().int(),
  projectId: z.uuid(),
  projectNumber: z.number().int(),
  status: z.enum(SX_STATUSES),
  outcome: z.enum(["created", "updated", "unchanged", "cancelled", "kept_in_progress", "kept_not_allowed"]),
  message: z.string().nullable(),
});
export const ZOrderResult = z.object({
  orderId: z.string(),
  id: z.uuid(),
  revision: z.number().int(),
  status: z.enum(["active", "cancelled"]),
  jobs: z.array(ZOrderJobOutcome),
});
export type TOrderResult = z.infer<typeof ZOrderResult>;

// ===== Projects and jobs =====

export const ZJobCard = z.object({
  id: z.uuid(),
  number: z.number().int(),
  type: z.enum(SX_TYPES),
  status: z.enum(SX_STATUSES),
  profession: z.string(),
  specialty: z.string(),
  plannedDate: z.string(),
  tags: z.array(z.string()),
  serviceCodes: z.array(z.string()),
});
export type TJobCard = z.infer<typeof ZJobCard>;

export const ZProjectSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(PX_STATUSES),
  buId: z.uuid(),
  storeId: z.uuid(),
  customerName: z.string(),
  customerFiscalId: z.string().nullable(),
  customerPhone: z.string().nullable(),
  worksite: ZWorksite,
  createdAt: z.string(),
  jobs: z.array(ZJobCard),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZProjectListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Customer name, fiscal id or phone"),
  type: z.enum(SX_TYPES).optional(),
  status: z.enum(PX_STATUSES).optional(),
  jobStatus: z.enum(SX_STATUSES).optional(),
  serviceCode: z.string().trim().max(40).optional(),
  providerId: z.uuid().optional(),
  plannedFrom: ZDate.optional(),
  plannedTo: ZDate.optional(),
  createdFrom: ZDate.optional(),
  createdTo: ZDate.optional(),
  tag: z.enum(SX_TAGS).optional(),
  storeId: z.uuid().optional(),
  includeCancelled: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;

export const ZProjectDetail = ZProjectSummary.extend({ customerEmail: z.string().nullable() });
export type TProjectDetail = z.infer<typeof ZProjectDetail>;

export const ZServiceLine = z.object({
  code: z.string(),
  label: z.string(),
  quantity: z.number().int(),
  durationMinutes: z.number().int(),
  customerPriceMinor: z.number().int(),
  providerPriceMinor: z.number().int(),
});
export const ZProductLine = z.object({
  sku: z.string(),
  label: z.string(),
  quantity: z.number().int(),
  expectedDeliveryDate: z.string().nullable(),
});

export const ZContractVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(["sent", "cancelled", "signed", "paper_signed", "skipped"]),
  channel: z.enum(["email", "qr", "print", "auto", "paper", "skip"]),
  sentAt: z.string(),
  signedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  remindersSent: z.number().int(),
});
export type TContractVersion = z.infer<typeof ZContractVersion>;

export const ZJobTask = z.object({
  ticketId: z.uuid(),
  number: z.number().int().nullable(),
  kind: z.enum(SYSTEM_TASK_KINDS),
  status: z.string(),
});

export const ZJobAlert = z.object({ code: z.string(), message: z.string() });

export const ZJob = z.object({
  id: z.uuid(),
  number: z.number().int(),
  projectId: z.uuid(),
  projectNumber: z.number().int(),
  orderId: z.string(),
  buId: z.uuid(),
  storeId: z.uuid(),
  type: z.enum(SX_TYPES),
  status: z.enum(SX_STATUSES),
  profession: z.string(),
  specialty: z.string(),
  services: z.array(ZServiceLine),
  products: z.array(ZProductLine),
  durationMinutes: z.number().int(),
  originalDurationMinutes: z.number().int(),
  previousDurationMinutes: z.number().int().nullable(),
  plannedDate: z.string(),
  earliestDate: z.string(),
  latestDate: z.string(),
  worksite: ZWorksite,
  contact: ZContact,
  customerName: z.string(),
  tags: z.array(z.string()),
  postcodeChangePending: z.boolean(),
  cancelReason: z.string().nullable(),
  cancelJustification: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(SX_ACTIONS)),
  alerts: z.array(ZJobAlert),
  contracts: z.array(ZContractVersion),
  tasks: z.array(ZJobTask),
});
export type TJob = z.infer<typeof ZJob>;

export const ZRescheduleBody = z.strictObject({ version: ZVersion, plannedDate: ZDate });
export const ZChangeAddressBody = z.strictObject({ version: ZVersion, worksite: ZWorksite });
export const ZChangeContactBody = z.strictObject({ version: ZVersion, contact: ZContact });
export const ZModifyDurationBody = z.strictObject({
  version: ZVersion,
  durationMinutes: z.number().int().min(1).max(20_160),
});
export const ZCancelJobBody = z.strictObject({
  version: ZVersion,
  reason: z.enum(CANCEL_REASONS),
  justification: z
    .string()
    .trim()
    .min(10, "justification must be 10 to 500 characters")
    .max(500, "justification must be 10 to 500 characters")
    .meta({ examples: ["Customer moved house and no longer needs the installation."] }),
});
export const ZSendContractBody = z.strictObject({ channel: z.enum(["email", "qr", "print"]) });
export const ZSendContractResult = z.object({
  contract: ZContractVersion,
  signingUrl: z.string().nullable(),
  qrSvg: z.string().nullable(),
});
export type TSendContractResult = z.infer<typeof ZSendContractResult>;
export const ZConfirmPaperBody = z.strictObject({ version: ZVersion });
export const ZSkipContractBody = z.strictObject({
  version: ZVersion,
  justification: z.string().trim().min(10).max(500).optional(),
});

export const ZJobNoteInput = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  forwardToProvider: z.boolean().default(false),
});
export const ZJobNote = z.object({
  id: z.uuid(),
  source: z.enum(["operator", "seller", "provider", "order"]),
  authorLabel: z.string(),
  body: z.string(),
  forwardToProvider: z.boolean(),
  createdAt: z.string(),
});
export type TJobNote = z.infer<typeof ZJobNote>;

export const ZJobDocument = z.object({
  id: z.uuid(),
  category: z.enum(DOCUMENT_CATEGORIES),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type TJobDocument = z.infer<typeof ZJobDocument>;
export const ZJobDocumentQuery = z.strictObject({ category: z.enum(DOCUMENT_CATEGORIES).default("other") });

export const ZJobEvent = z.object({
  id: z.uuid(),
  code: z.number().int(),
  name: z.string(),
  label: z.string(),
  actorLabel: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TJobEvent = z.infer<typeof ZJobEvent>;

export const ZJobDocumentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

// ===== Public signing and portal =====

export const ZSigningTokenParams = z.strictObject({ token: z.string().min(20).max(200) });
export const ZSignBody = z.strictObject({
  signerName: ZShortText(200).meta({ examples: ["Lucía Martín"] }),
  consent: z.literal(true, { error: "consent must be given to sign" }),
});
export const ZSigningView = z.object({
  tenantName: z.string(),
  jobNumber: z.number().int(),
  projectNumber: z.number().int(),
  customerName: z.string(),
  version: z.number().int(),
  status: z.enum(["sent", "cancelled", "signed", "paper_signed", "skipped"]),
  plannedDate: z.string(),
  /** Null on a link to a version no longer awaiting signature: an old link keeps no access to the address. */
  worksite: ZWorksite.nullable(),
  services: z.array(z.object({ label: z.string(), quantity: z.number().int() })),
  signedAt: z.string().nullable(),
  locale: z.string(),
});
export type TSigningView = z.infer<typeof ZSigningView>;

export const ZPortalJob = z.object({
  id: z.uuid(),
  number: z.number().int(),
  type: z.enum(SX_TYPES),
  status: z.enum(SX_STATUSES),
  plannedDate: z.string(),
  progressPercent: z.number().int().min(0).max(100),
  services: z.array(z.string()),
  contractToSign: z.object({ version: z.number().int(), sentAt: z.string() }).nullable(),
});
export const ZPortalProject = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(PX_STATUSES),
  worksite: ZWorksite,
  createdAt: z.string(),
  jobs: z.array(ZPortalJob),
});
export type TPortalProject = z.infer<typeof ZPortalProject>;
export type TPortalJob = z.infer<typeof ZPortalJob>;

// ===== Monitoring =====

export const ZPendingContract = z.object({
  jobId: z.uuid(),
  jobNumber: z.number().int(),
  projectNumber: z.number().int(),
  customerName: z.string(),
  version: z.number().int(),
  sentAt: z.string(),
  ageHours: z.number(),
  remindersSent: z.number().int(),
});
export type TPendingContract = z.infer<typeof ZPendingContract>;
export const ZTaskCount = z.object({ kind: z.enum(SYSTEM_TASK_KINDS), open: z.number().int() });
export type TTaskCount = z.infer<typeof ZTaskCount>;

// ===== Webhooks =====

export const ZWebhookInput = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .meta({ examples: ["https://orders.example.com/hooks/atende"] }),
  events: z
    .array(z.enum(["job.created", "job.status_changed", "job.cancelled", "job.updated", "project.status_changed"]))
    .min(1)
    .max(5),
});
export const ZWebhook = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export const ZWebhookCreated = ZWebhook.extend({ secret: z.string() });
export type TWebhook = z.infer<typeof ZWebhook>;
