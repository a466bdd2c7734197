import type { FastifyInstance } from "fastify";
import { login, tenantWide, type Session, type TenantHandle } from "../app";
import type { IdsByCollection } from "./resources";
import { isRecord } from "./valid-body";

/**
 * Who calls an operation. Staff routes take the signed-in admin's session; the order system's routes
 * (/api/v1/orders) take its bearer token with the orders:write scope, which no role grants; the customer portal
 * (/api/v1/portal) takes a customer's session. Public signing routes ignore all of them.
 */
export type Callers = { staff: Session; orders: Session; customer: Session };

export function callerFor(path: string, callers: Callers): Session {
  if (path === "/api/v1/orders" || path.startsWith("/api/v1/orders/")) return callers.orders;
  if (path.startsWith("/api/v1/portal/")) return callers.customer;
  return callers.staff;
}

async function json(
  app: FastifyInstance,
  session: Session,
  method: "POST",
  url: string,
  payload: unknown,
  want = 201,
): Promise<Record<string, unknown>> {
  const res = await app.inject({
    method,
    url,
    headers: { ...session.headers, "content-type": "application/json" },
    payload: JSON.stringify(payload),
  });
  if (res.statusCode !== want) throw new Error(`${method} ${url} answered ${res.statusCode} ${res.body.slice(0, 400)}`);
  const body: unknown = res.json();
  if (!isRecord(body)) throw new Error(`${method} ${url} answered a non-object`);
  return body;
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== "string") throw new Error(`${what} is not a string: ${JSON.stringify(v)}`);
  return v;
};

/**
 * The service-execution resources no creating POST of the staff session can make: an order (sent by the order
 * system with its token) and its job and project, a sent contract (its signing-link token), a job document
 * (multipart) and a customer who sees the job in the portal. Their ids go under the collections the routes index.
 */
export async function seedExecution(
  app: FastifyInstance,
  tenant: TenantHandle,
  slug: string,
  staff: Session,
  ids: IdsByCollection,
): Promise<Callers> {
  const buId = ids.get("/api/v1/business-units");
  if (!buId) throw new Error("seedExecution needs a business unit");
  const storeCode = `EXEC-${slug}`;
  await json(app, staff, "POST", "/api/v1/stores", { buId, code: storeCode, name: `Store ${slug}` });
  await json(app, staff, "POST", "/api/v1/service-codes", {
    buId,
    code: "EXEC-KIT",
    label: "Kitchen installation",
    profession: "carpentry",
    specialty: "kitchen",
    durationMinutes: 120,
    customerPriceMinor: 1000,
    providerPriceMinor: 700,
    sxType: "installation",
  });
  const customerEmail = `customer@${slug}.test`;
  await tenant.user(customerEmail, [tenantWide("customer")]);
  const customer = await login(app, customerEmail);
  const token = str(
    (await json(app, staff, "POST", "/api/v1/api-tokens", { name: "order system", scopes: ["orders:write"] })).token,
    "token",
  );
  const orders: Session = { cookie: "", csrf: "", headers: { authorization: `Bearer ${token}` } };
  const orderId = `ORD-${slug}`;
  const order = await json(app, orders, "POST", "/api/v1/orders", {
    orderId,
    storeCode,
    seller: { id: "S-1", name: "Seller" },
    customer: { fiscalId: `FISCAL-${slug}`, name: "Corpus Customer", email: customerEmail },
    worksite: { line1: "Calle Mayor 1", postcode: "28013", city: "Madrid" },
    products: [],
    services: [{ code: "EXEC-KIT", quantity: 1 }],
  });
  const jobs = order.jobs;
  const job: unknown = Array.isArray(jobs) ? jobs[0] : null;
  if (!isRecord(job)) throw new Error(`the order made no job: ${JSON.stringify(order)}`);
  const jobId = str(job.jobId, "jobId");
  const sent = await json(app, staff, "POST", `/api/v1/jobs/${jobId}/contract/send`, { channel: "email" }, 200);
  const linkToken = str(sent.signingUrl, "signingUrl").split("/sign/")[1];
  if (!linkToken) throw new Error(`no signing token in ${JSON.stringify(sent)}`);
  const boundary = "----corpus-exec";
  const upload = await app.inject({
    method: "POST",
    url: `/api/v1/jobs/${jobId}/documents`,
    headers: { ...staff.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4 corpus\r\n--${boundary}--\r\n`,
    ),
  });
  if (upload.statusCode !== 201) throw new Error(`document upload failed: ${upload.statusCode} ${upload.body}`);
  const items = (upload.json() as { items: Array<{ id: string }> }).items;

  ids.set("/api/v1/orders", orderId);
  ids.set("/api/v1/jobs", jobId);
  ids.set("/api/v1/projects", str(job.projectId, "projectId"));
  ids.set("/api/v1/jobs/{id}/documents", items[0]!.id);
  ids.set("/api/v1/portal/jobs", jobId);
  ids.set("/api/v1/public/contracts", linkToken);
  return { staff, orders, customer };
}
