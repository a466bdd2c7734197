import { z } from "zod";

const ZLiveChange = z.object({ type: z.enum(["ticket.changed", "ticket.created"]), ticketId: z.uuid() });
export type LiveChange = z.infer<typeof ZLiveChange>;
/** "resync": the stream was down for a while and changes may have been missed. */
export type LiveEvent = LiveChange | { type: "resync" };
export type LiveStatus = "idle" | "connecting" | "open";

type Listener = (event: LiveEvent) => void;

const LIVE_URL = "/api/v1/live";
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let status: LiveStatus = "idle";
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryMs = RETRY_MIN_MS;
let missedChanges = false;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const notify of statusListeners) notify();
}

function emit(event: LiveEvent) {
  for (const listener of listeners) listener(event);
}

function connect() {
  if (source || typeof EventSource === "undefined") return;
  setStatus("connecting");
  const stream = new EventSource(LIVE_URL, { withCredentials: true });
  source = stream;
  // A closed stream's late events must not touch the one that replaced it.
  const current = () => source === stream;
  stream.addEventListener("open", () => {
    if (!current()) return;
    retryMs = RETRY_MIN_MS;
    setStatus("open");
    if (missedChanges) emit({ type: "resync" });
    missedChanges = false;
  });
  stream.addEventListener("change", (message) => {
    if (!current()) return;
    const parsed = ZLiveChange.safeParse(safeJson(message.data));
    if (parsed.success) emit(parsed.data);
  });
  stream.addEventListener("error", () => {
    if (!current()) return;
    missedChanges = true;
    if (stream.readyState === EventSource.CONNECTING) return setStatus("connecting");
    // A refused stream (the session expired, the server restarted mid-handshake) is not retried by the browser.
    disconnect();
    if (listeners.size > 0) scheduleRetry();
  });
}

function scheduleRetry() {
  setStatus("connecting");
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (listeners.size > 0) connect();
  }, retryMs);
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
}

function disconnect() {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  setStatus("idle");
}

function safeJson(text: unknown): unknown {
  if (typeof text !== "string") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One stream per tab, however many screens listen: opened with the first listener, closed with the last (leaving
 * the signed-in screens, signing out).
 */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      missedChanges = false;
      disconnect();
    }
  };
}

export function subscribeLiveStatus(notify: () => void): () => void {
  statusListeners.add(notify);
  return () => statusListeners.delete(notify);
}

export function liveStatus(): LiveStatus {
  return status;
}
