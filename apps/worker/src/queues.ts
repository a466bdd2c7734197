import { QUEUES } from "@atende/jobs";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

export type Queues = Record<keyof typeof QUEUES, Queue>;

/** One Queue per catalogue entry, all under `prefix` so environments (and test files) sharing a Redis stay apart. */
export function createQueues(connection: Redis, prefix: string): Queues {
  return {
    timers: new Queue(QUEUES.timers, { connection, prefix }),
    outbox: new Queue(QUEUES.outbox, { connection, prefix }),
    maintenance: new Queue(QUEUES.maintenance, { connection, prefix }),
  };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
