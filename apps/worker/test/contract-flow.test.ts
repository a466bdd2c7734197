import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createHash, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, withTenant, type Db, type Tx } from "@atende/db";
import { parseSigningLink } from "@atende/execution";
import {
  dispatchTimers,
  scheduleTimer,
  TIMER_JOBS,
  wakeTimeOf,
  type TimerKind,
  type TimerRef,
  ZTimerWake,
} from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../api/src/app";
import { configFromEnv } from "../../api/src/config";
import { provisionTenant, upsertUserWithRoles } from "../../api/src/seed/provision";
import { login, PASSWORD, type TestApp } from "../../api/test/app";
import { anOrder, givenExecutionWorld, type ExecutionWorld } from "../../api/test/factories/execution";
import { createSmtpMailer } from "../src/channels/email.channel";
import { startWorker, type RunningWorker } from "../src/worker";
import { givenCalendar24x7, givenGroup, givenPolicy, type Staff } from "./sla-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { createWorld, silentLogger, sleep, waitFor, type World } from "./support";

/**
 * The contract path from order intake to signature with everything real: the API in-process (order intake, public
 * signing link), the worker (BullMQ timers, sweep, outbox), PostgreSQL and an SMTP sink. API and worker share one
 * simulated clock set weeks ahead of the wall clock: timers are due weeks after the wall clock, beyond the enqueue
 * horizon, so none fires by itself; the test moves the clock to a timer's due time, where the sweep adds its job, or
 * past the sweep's claim threshold so the worker's sweep fires what is overdue.
 */

const ZONE = "Europe/Madrid";
const PUBLIC_URL = "https://atende.test";
const HOUR = 60 * 60 * 1000;
const CONTRACT_TIMERS: readonly TimerKind[] = ["contract-auto-send", "contract-reminder", "contract-not-signed"];

type Wall = { year: number; month: number; day: number; hour: number; minute: number; weekday: string };

const wallFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});

function wallOf(at: Date): Wall & { second: number } {
  const p = Object.fromEntries(wallFormat.formatToParts(at).map((part) => [part.type, part.value]));
  const n = (key: string) => Number(p[key]);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour"),
    minute: n("minute"),
    second: n("second"),
    weekday: p.weekday ?? "",
  };
}

/** The instant of a Madrid wall-clock time (day may overflow the month, as with Date.UTC). */
function madrid(year: number, month: number, day: number, hour: number, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (t: number) => {
    const w = wallOf(new Date(t));
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** A Friday at least five weeks ahead of the wall clock, as the day (year, month, day) in Madrid. */
function fridayAhead(): { year: number; month: number; day: number } {
  const base = wallOf(new Date(Date.now() + 35 * 24 * HOUR));
  for (let d = 0; d < 7; d++) {
    const noon = madrid(base.year, base.month, base.day + d, 12);
    const w = wallOf(noon);
    if (w.weekday === "Fri") return { year: w.year, month: w.month, day: w.day };
  }
  throw new Error("no Friday in a week");
}

/** Inside the default send window: Monday to Friday, 07:00 to 23:00 local time. */
function inSendWindow(at: Date): boolean {
  const w = wallOf(at);
  return ["Mon", "Tue", "Wed", "Thu", "Fri"].includes(w.weekday) && w.hour >= 7 && w.hour < 23;
}

type Mail = { to: string; subject: string; text: string };

function decodeQuotedPrintable(input: string): string {
  const s = input.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === "=" ? s.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_match, kind: string, data: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

/** Enough of RFC 5322/2045 for nodemailer's single-part text messages. */
function parseMail(raw: string): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return { to: header("To"), subject: decodeEncodedWords(header("Subject")), text };
}

const SIGN_LINK = new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}/sign/([A-Za-z0-9._~-]+)`);

function signLinkIn(mail: Mail): string | null {
  return SIGN_LINK.exec(mail.text)?.[0] ?? null;
}

describe("contract path from pre-scheduled to scheduled through the running worker", () => {
  let world: World;
  let ownerDb: Db;
  let sink: SmtpSink;
  let worker: RunningWorker;
  let api: TestApp;
  let w: ExecutionWorld;
  let backOffice: Staff;
  let taskPolicyId: string;
  let storageDir: string;
  let current: Date;

  // The Friday 22:30 of the first scenario and the days after it, all in Madrid.
  const friday = fridayAhead();
  const at = (days: number, hour: number, minute = 0) =>
    madrid(friday.year, friday.month, friday.day + days, hour, minute);
  const fridayEvening = at(0, 22, 30);
  const monday = at(3, 7);
  const tuesday = at(4, 7);
  const wednesday = at(5, 7);
  const thursday = at(6, 7);

  // Shared by the scenarios of the main flow, which run in order.
  const customer = { email: "lucia.martin@flow.test", name: "Lucía Martín" };
  let jobId = "";
  let jobNumber = 0;
  let link = "";
  let taskId = "";

  beforeAll(async () => {
    world = await createWorld();
    ownerDb = createDb({ connectionString: world.tdb.ownerUrl, max: 2 });
    storageDir = mkdtempSync(path.join(tmpdir(), "atende-contract-flow-"));
    sink = await startSmtpSink();
    current = fridayEvening;
    const now = () => new Date(current.getTime());
    const config = {
      ...configFromEnv(
        {},
        {
          databaseUrl: world.tdb.ownerUrl,
          appDatabaseUrl: world.tdb.appUrl,
          redisUrl: world.redisUrl,
          sessionSecret: "test-secret",
        },
      ),
      redisPrefix: world.prefix,
      storageDir,
      publicUrl: PUBLIC_URL,
      loginRateLimitPerMinute: 10_000,
      rateLimitPerMinute: 100_000,
      logLevel: "silent",
    };
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      now,
      mailer: createSmtpMailer({ url: sink.url, from: "Atende <no-reply@atende.test>" }),
      storageDir,
      publicUrl: PUBLIC_URL,
      sweepEveryMs: 250,
      outboxSweepEveryMs: 200,
    });
    const timersQueue = worker.queues.timers;
    const app = await buildApp({
      config,
      db: world.db,
      redis: world.redis,
      timersQueue,
      // Dispatched against the wall clock, as in production: due weeks ahead, so the test decides when they run.
      dispatchTimers: (refs) => dispatchTimers(world.db, timersQueue, refs),
      now,
      logger: false,
    });
    await app.ready();
    api = {
      app,
      db: world.db,
      ownerDb,
      redis: world.redis,
      prefix: world.prefix,
      timersQueue,
      config,
      tenant: async (slug) => {
        const { id } = await provisionTenant(ownerDb, { slug, name: `Tenant ${slug}` });
        return {
          id,
          user: (email, roles) =>
            withTenant(world.db, id, (tx) =>
              upsertUserWithRoles(tx, { tenantId: id, email, name: email.split("@")[0]!, password: PASSWORD, roles }),
            ),
          bu: (code, country = "ES") =>
            withTenant(world.db, id, async (tx) => {
              const bu = await tx.businessUnit.create({
                data: {
                  tenantId: id,
                  code,
                  name: `BU ${code}`,
                  timezone: ZONE,
                  locale: "es",
                  currency: "EUR",
                  country,
                },
              });
              return bu.id;
            }),
        };
      },
    };
    w = await givenExecutionWorld(api, "flow");
    backOffice = await givenGroup(world.db, w.tenantId, "BACK-OFFICE");
    const calendarId = await givenCalendar24x7(world.db, w.tenantId);
    taskPolicyId = await givenPolicy(world.db, w.tenantId, {
      code: "tasks",
      calendarId,
      conditions: { types: ["task"] },
      targets: { firstResponse: { minutes: 240 }, resolution: { minutes: 2880 } },
    });
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.stop();
    await sink?.close();
    await ownerDb?.$disconnect();
    await world?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  // ----- helpers -----

  const tenantTx = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(world.db, w.tenantId, fn);

  async function placeOrder(orderId: string, email: string): Promise<{ jobId: string; number: number }> {
    const base = anOrder(w, orderId);
    const res = await api.app.inject({
      method: "POST",
      url: "/api/v1/orders",
      headers: w.orders,
      payload: anOrder(w, orderId, {
        customer: { ...base.customer, email, fiscalId: `F-${orderId}` },
        products: [],
        services: [{ code: "KIT", quantity: 1 }],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const jobs = (res.json() as { jobs: Array<{ jobId: string; number: number; status: string }> }).jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe("pre_scheduled");
    return { jobId: jobs[0]!.jobId, number: jobs[0]!.number };
  }

  const timerOf = (subject: string, kind: TimerKind) =>
    tenantTx((tx) =>
      tx.timer.findUniqueOrThrow({ where: { tenantId_kind_subject: { tenantId: w.tenantId, kind, subject } } }),
    );
  const contractTimersOf = (subject: string) =>
    tenantTx((tx) => tx.timer.findMany({ where: { subject, kind: { in: [...CONTRACT_TIMERS] } } }));
  const jobOf = (id: string) => tenantTx((tx) => tx.job.findUniqueOrThrow({ where: { id } }));
  const contractsOf = (id: string) =>
    tenantTx((tx) => tx.contract.findMany({ where: { jobId: id }, orderBy: { version: "asc" } }));
  const eventsOf = (id: string) =>
    tenantTx((tx) => tx.jobEvent.findMany({ where: { jobId: id }, orderBy: [{ at: "asc" }, { code: "asc" }] }));
  const tasksOf = (id: string) =>
    tenantTx((tx) => tx.ticket.findMany({ where: { jobId: id, taskKind: "CONTRACT_NOT_SIGNED" } }));
  const mailsTo = (email: string) => sink.messages.map(parseMail).filter((m) => m.to.includes(email));
  const outboxMailsTo = async (email: string) =>
    (await tenantTx((tx) => tx.outbox.findMany({ where: { kind: "email" } }))).filter((row) =>
      ((row.payload as { to?: string[] }).to ?? []).includes(email),
    );
  const count = (names: string[], name: string) => names.filter((n) => n === name).length;

  /**
   * Runs a timer whose due time the clock has reached. Due weeks after the wall clock, it waited in the database
   * (decision 0013) until the sweep, at the simulated clock, added its wake-up; a wake-up still delayed is promoted,
   * which is what BullMQ does when a delayed job's time comes.
   */
  async function promote(kind: TimerKind, timer: { subject: string; generation: number }): Promise<void> {
    // Fired, or fired and re-armed by its handler (a reminder schedules the next one): past this generation.
    const fired = async () => {
      const row = await timerOf(timer.subject, kind);
      return row.generation !== timer.generation || row.status !== "scheduled";
    };
    const wakeAt = wakeTimeOf((await timerOf(timer.subject, kind)).dueAt);
    const job = await waitFor(
      async () => {
        if (await fired()) return "fired";
        const jobs = await worker.queues.timers.getJobs(["delayed", "waiting", "active"]);
        return jobs.find((j) => {
          const wake = ZTimerWake.safeParse(j.data);
          return wake.success && wake.data.tenantId === w.tenantId && wake.data.wakeAt === wakeAt;
        });
      },
      5_000,
      `the wake-up of ${kind} ${timer.subject}`,
    );
    if (job !== "fired" && (await job.getState()) === "delayed") await job.promote();
  }

  /**
   * Delivers a wake-up of the tenant at the current clock, as a late or duplicate one would be delivered: it fires only
   * timers due and still scheduled, never a cancelled or rescheduled one.
   */
  async function deliverWakeUp(): Promise<void> {
    const id = `wake-test-${randomUUID()}`;
    await worker.queues.timers.add(
      TIMER_JOBS.wake,
      { tenantId: w.tenantId, wakeAt: current.getTime() },
      { jobId: id, removeOnComplete: false },
    );
    await waitFor(
      async () => ((await worker.queues.timers.getJobState(id)) === "completed" ? true : undefined),
      5_000,
      `wake-up ${id} delivered`,
    );
  }

  /** Re-arms a timer due now and enqueues it at once, as a late or duplicate delivery of that timer would be. */
  async function fireAgain(kind: TimerKind, subject: string): Promise<TimerRef> {
    const ref = await tenantTx((tx) => scheduleTimer(tx, { tenantId: w.tenantId, kind, subject, dueAt: current }));
    await dispatchTimers(world.db, worker.queues.timers, [ref], current);
    await waitFor(
      async () => {
        const row = await timerOf(subject, kind);
        return row.generation === ref.generation && row.status === "fired" ? row : undefined;
      },
      8_000,
      `${kind} generation ${ref.generation} fired`,
    );
    return ref;
  }

  /**
   * Waits for one pass of the worker's timer sweep at the current clock: a session-expiry timer for no session, due
   * just past the claim threshold, is claimed by the sweep itself, after every contract timer due before it.
   */
  async function waitForSweep(): Promise<void> {
    const subject = randomUUID();
    await tenantTx((tx) =>
      scheduleTimer(tx, {
        tenantId: w.tenantId,
        kind: "session-expiry",
        subject,
        dueAt: new Date(current.getTime() - 60_000),
      }),
    );
    await waitFor(
      async () => ((await timerOf(subject, "session-expiry")).status === "fired" ? true : undefined),
      8_000,
      "a timer sweep",
    );
  }

  // ----- scenarios -----

  it("sends the contract automatically at the next opening of the send window, by e-mail with a signing link", async () => {
    expect(wallOf(fridayEvening)).toMatchObject({ weekday: "Fri", hour: 22, minute: 30 });
    current = fridayEvening;
    ({ jobId, number: jobNumber } = await placeOrder("O-1", customer.email));

    // 22:30 + 60 min is past 23:00 on a Friday: the next opening is Monday 07:00 in Madrid.
    const autoSend = await timerOf(jobId, "contract-auto-send");
    expect(wallOf(monday)).toMatchObject({ weekday: "Mon", hour: 7, minute: 0 });
    expect(autoSend.dueAt.toISOString()).toBe(monday.toISOString());
    expect(autoSend.status).toBe("scheduled");
    // Due days after the wall clock, beyond the enqueue horizon: no job in Redis yet.
    expect(autoSend.enqueuedAt).toBeNull();

    // A sweep before the due time leaves it alone.
    current = at(1, 12);
    await waitForSweep();
    expect((await timerOf(jobId, "contract-auto-send")).status).toBe("scheduled");
    expect(await contractsOf(jobId)).toHaveLength(0);

    current = monday;
    await promote("contract-auto-send", autoSend);
    const [contract] = await waitFor(
      async () => {
        const rows = await contractsOf(jobId);
        return rows.length > 0 ? rows : undefined;
      },
      8_000,
      "the automatic contract",
    );
    expect(contract).toMatchObject({ version: 1, status: "sent", channel: "auto", remindersSent: 0 });
    expect(contract!.sentAt.toISOString()).toBe(monday.toISOString());
    const pdf = await readFile(path.join(storageDir, contract!.pdfStorageKey));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(contract!.documentSha256);

    const events = await eventsOf(jobId);
    const names = events.map((e) => e.name);
    expect(count(names, "CONTRACT_GENERATED")).toBe(1);
    expect(count(names, "CONTRACT_AUTO_SENT")).toBe(1);
    expect(events.find((e) => e.name === "CONTRACT_AUTO_SENT")).toMatchObject({ data: { version: 1 } });
    expect(events.find((e) => e.name === "CONTRACT_AUTO_SENT")!.at.toISOString()).toBe(monday.toISOString());
    const job = await jobOf(jobId);
    expect(job.status).toBe("pre_scheduled");
    expect(job.tags).toContain("ACCEPTANCE_SALES_CONDITIONS");

    const [mail] = await waitFor(
      async () => (mailsTo(customer.email).length > 0 ? mailsTo(customer.email) : undefined),
      8_000,
      "the contract e-mail",
    );
    expect(mail!.subject).toContain(`SX-${jobNumber}`);
    link = signLinkIn(mail!) ?? "";
    expect(link).toMatch(new RegExp(`/sign/${w.tenantId}\\.`));
    // The link in the e-mail is the one whose hash the contract keeps.
    expect(parseSigningLink(link.split("/sign/")[1]!)?.tokenHash).toBe(contract!.tokenHash);
    expect(mailsTo(customer.email)).toHaveLength(1);

    const timers = new Map((await contractTimersOf(jobId)).map((t) => [t.kind, t]));
    expect(timers.get("contract-auto-send")?.status).toBe("fired");
    expect(timers.get("contract-reminder")).toMatchObject({ status: "scheduled", dueAt: tuesday });
    expect(timers.get("contract-not-signed")).toMatchObject({
      status: "scheduled",
      dueAt: new Date(monday.getTime() + 72 * HOUR),
    });
  });

  it("reminds the customer a day later with the same link and schedules the next reminder 24 h on", async () => {
    expect(link).not.toBe("");
    const reminder = await timerOf(jobId, "contract-reminder");
    current = tuesday;
    await promote("contract-reminder", reminder);

    const mails = await waitFor(
      async () => (mailsTo(customer.email).length >= 2 ? mailsTo(customer.email) : undefined),
      8_000,
      "the reminder e-mail",
    );
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe(`Recordatorio: su contrato SX-${jobNumber} espera su firma`);
    expect(signLinkIn(mails[1]!)).toBe(link);

    const [contract] = await contractsOf(jobId);
    expect(contract).toMatchObject({ version: 1, status: "sent", remindersSent: 1, lastReminderAt: tuesday });
    const reminders = (await eventsOf(jobId)).filter((e) => e.name === "CONTRACT_REMINDER_SENT");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ data: { version: 1, reminder: 1 }, at: tuesday });

    const next = await waitFor(
      async () => {
        const row = await timerOf(jobId, "contract-reminder");
        return row.generation > reminder.generation ? row : undefined;
      },
      5_000,
      "the next reminder",
    );
    expect(next.status).toBe("scheduled");
    expect(next.dueAt.toISOString()).toBe(wednesday.toISOString());
    expect(next.dueAt.getTime() - tuesday.getTime()).toBe(24 * HOUR);
    expect(inSendWindow(next.dueAt)).toBe(true);
    expect(next.payload).toEqual({ signingUrl: link });
  });

  it("opens one CONTRACT_NOT_SIGNED task in BACK-OFFICE, with an SLA, once the threshold has passed", async () => {
    // A minute past Thursday 07:00: the sweep fires the overdue reminder (due Wednesday) and the task timer itself.
    current = new Date(thursday.getTime() + 60_000);
    const [task] = await waitFor(
      async () => {
        const rows = await tasksOf(jobId);
        return rows.length > 0 ? rows : undefined;
      },
      8_000,
      "the not-signed task",
    );
    expect(task).toMatchObject({
      type: "task",
      taskKind: "CONTRACT_NOT_SIGNED",
      jobId,
      groupId: backOffice.groupId,
      isOpen: true,
      channel: "system",
      slaPolicyId: taskPolicyId,
    });
    expect(task!.createdAt.toISOString()).toBe(current.toISOString());
    taskId = task!.id;
    const clocks = await tenantTx((tx) => tx.slaClock.findMany({ where: { ticketId: taskId } }));
    expect(clocks.map((c) => c.kind).sort()).toEqual(["first_response", "resolution"]);
    expect((await timerOf(jobId, "contract-not-signed")).status).toBe("fired");

    const opened = (await eventsOf(jobId)).filter((e) => e.name === "TASK_OPENED");
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ data: { kind: "CONTRACT_NOT_SIGNED", ticketId: taskId } });

    await waitFor(
      async () => ((await contractsOf(jobId))[0]!.remindersSent === 2 ? true : undefined),
      8_000,
      "the overdue reminder",
    );
    await waitFor(async () => (mailsTo(customer.email).length >= 3 ? true : undefined), 8_000, "the third e-mail");

    // The timer firing again (a duplicate delivery, a re-armed timer) finds the open task and opens no other.
    await fireAgain("contract-not-signed", jobId);
    expect(await tasksOf(jobId)).toHaveLength(1);
    expect((await eventsOf(jobId)).filter((e) => e.name === "TASK_OPENED")).toHaveLength(1);
  });

  it("signing through the e-mailed link schedules the job, closes the task and stops the reminders", async () => {
    expect(taskId).not.toBe("");
    current = new Date(thursday.getTime() + 2 * 60_000);
    const token = link.split("/sign/")[1]!;
    const signed = await api.app.inject({
      method: "POST",
      url: `/api/v1/public/contracts/${token}/sign`,
      payload: { signerName: customer.name, consent: true },
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const job = await jobOf(jobId);
    expect(job.status).toBe("scheduled");
    expect(job.signedAt?.toISOString()).toBe(current.toISOString());
    expect(job.tags).not.toContain("ACCEPTANCE_SALES_CONDITIONS");
    expect((await contractsOf(jobId)).map((c) => [c.version, c.status, c.signatureMethod])).toEqual([
      [1, "signed", "link"],
    ]);

    const [task] = await tasksOf(jobId);
    expect(task).toMatchObject({ id: taskId, status: "closed", isOpen: false });
    expect(task!.closedAt?.toISOString()).toBe(current.toISOString());
    const ticketEvents = await tenantTx((tx) => tx.ticketEvent.findMany({ where: { ticketId: taskId } }));
    expect(ticketEvents.filter((e) => e.type === "ticket.auto_closed")).toMatchObject([
      { data: { to: "closed", cause: "CONTRACT_SIGNED" } },
    ]);
    const names = (await eventsOf(jobId)).map((e) => e.name);
    expect(count(names, "CONTRACT_SIGNED")).toBe(1);
    expect(count(names, "TASK_CLOSED")).toBe(1);
    const slaTimers = await tenantTx((tx) =>
      tx.timer.findMany({ where: { subject: { startsWith: taskId }, status: "scheduled" } }),
    );
    expect(slaTimers).toEqual([]);

    // The reminder due on Friday is cancelled; the task timer had already fired; nothing is left scheduled.
    const timers = new Map((await contractTimersOf(jobId)).map((t) => [t.kind, t]));
    const reminder = timers.get("contract-reminder")!;
    expect(reminder.status).toBe("cancelled");
    expect(timers.get("contract-not-signed")?.status).toBe("fired");
    expect([...timers.values()].filter((t) => t.status === "scheduled")).toEqual([]);

    await waitFor(
      async () => (mailsTo(customer.email).some((m) => m.subject.includes("firmado")) ? true : undefined),
      8_000,
      "the signature confirmation",
    );
    const before = await outboxMailsTo(customer.email);

    // Saturday: the reminder would have been due on Friday. A wake-up delivered now finds nothing to
    // claim, and a sweep past its due time leaves it cancelled.
    current = at(8, 12);
    await deliverWakeUp();
    await waitForSweep();
    await sleep(600);
    const after = await outboxMailsTo(customer.email);
    expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    expect(mailsTo(customer.email).filter((m) => m.subject.startsWith("Recordatorio"))).toHaveLength(2);
    expect(mailsTo(customer.email)).toHaveLength(4);
    expect(await timerOf(jobId, "contract-reminder")).toMatchObject({
      status: "cancelled",
      generation: reminder.generation,
    });
    expect((await contractsOf(jobId))[0]!.remindersSent).toBe(2);
  });

  it("sends nothing for a job whose order was cancelled before the automatic send", async () => {
    current = at(10, 10);
    const email = "cancelled.customer@flow.test";
    const { jobId: cancelledJob } = await placeOrder("O-2", email);
    const autoSend = await timerOf(cancelledJob, "contract-auto-send");
    expect(autoSend.dueAt.toISOString()).toBe(new Date(current.getTime() + HOUR).toISOString());

    const cancelled = await api.app.inject({
      method: "POST",
      url: "/api/v1/orders/O-2/cancel",
      headers: w.orders,
      payload: { reason: "customer changed mind" },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await jobOf(cancelledJob)).status).toBe("cancelled");
    expect((await timerOf(cancelledJob, "contract-auto-send")).status).toBe("cancelled");

    // Past the due time: a wake-up of the tenant is delivered, the sweep runs, and the timer re-armed
    // anyway reaches the handler, which finds the job cancelled.
    current = new Date(autoSend.dueAt.getTime() + 60_000);
    await deliverWakeUp();
    await waitForSweep();
    await fireAgain("contract-auto-send", cancelledJob);
    await sleep(600);

    expect(await contractsOf(cancelledJob)).toEqual([]);
    const names = (await eventsOf(cancelledJob)).map((e) => e.name);
    expect(names.filter((n) => n.startsWith("CONTRACT_"))).toEqual([]);
    expect((await jobOf(cancelledJob)).tags).not.toContain("ACCEPTANCE_SALES_CONDITIONS");
    expect(await tenantTx((tx) => tx.timer.count({ where: { subject: cancelledJob, status: "scheduled" } }))).toBe(0);
    const outbox = await outboxMailsTo(email);
    expect(outbox.filter((row) => JSON.stringify(row.payload).includes("/sign/"))).toEqual([]);
    expect(mailsTo(email).filter((m) => signLinkIn(m) !== null)).toEqual([]);
  });

  it("sends nothing for a job whose contract was signed before the automatic send", async () => {
    current = at(10, 10, 30);
    const email = "qr.customer@flow.test";
    const { jobId: qrJob } = await placeOrder("O-3", email);
    const autoSend = await timerOf(qrJob, "contract-auto-send");

    const seller = await login(api.app, w.emails.seller!);
    const sent = await api.app.inject({
      method: "POST",
      url: `/api/v1/jobs/${qrJob}/contract/send`,
      headers: seller.headers,
      payload: { channel: "qr" },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const signingUrl = (sent.json() as { signingUrl: string }).signingUrl;
    expect(signingUrl.startsWith(`${PUBLIC_URL}/sign/`)).toBe(true);
    current = at(10, 10, 40);
    const signed = await api.app.inject({
      method: "POST",
      url: `/api/v1/public/contracts/${signingUrl.split("/sign/")[1]!}/sign`,
      payload: { signerName: "Pedro Gil", consent: true },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await jobOf(qrJob)).status).toBe("scheduled");
    // Signed before the threshold: every contract timer is cancelled, none fired.
    expect(
      (await contractTimersOf(qrJob))
        .map((t) => [t.kind, t.status])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      ["contract-auto-send", "cancelled"],
      ["contract-not-signed", "cancelled"],
      ["contract-reminder", "cancelled"],
    ]);

    current = new Date(autoSend.dueAt.getTime() + 60_000);
    await deliverWakeUp();
    await waitForSweep();
    await fireAgain("contract-auto-send", qrJob);
    await sleep(600);

    expect((await contractsOf(qrJob)).map((c) => [c.version, c.status, c.channel])).toEqual([[1, "signed", "qr"]]);
    const names = (await eventsOf(qrJob)).map((e) => e.name);
    expect(count(names, "CONTRACT_AUTO_SENT")).toBe(0);
    expect(count(names, "CONTRACT_GENERATED")).toBe(1);
    expect(await tasksOf(qrJob)).toEqual([]);
    expect(mailsTo(email).filter((m) => signLinkIn(m) !== null)).toEqual([]);
    expect((await outboxMailsTo(email)).filter((row) => JSON.stringify(row.payload).includes("/sign/"))).toEqual([]);
  });
});
