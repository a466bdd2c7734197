/** The slice of a pino logger the jobs package uses, so it does not depend on pino itself. */
export type JobsLog = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export const silentLog: JobsLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
