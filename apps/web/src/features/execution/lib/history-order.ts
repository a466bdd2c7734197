/**
 * History events newest first. The events of one command share their instant and the API orders those by code, so
 * the reverse puts "121 sent" above "120 generated" as well.
 */
export function newestFirst<E extends { at: string; code: number }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => b.at.localeCompare(a.at) || b.code - a.code);
}
