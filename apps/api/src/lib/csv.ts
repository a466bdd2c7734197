import type { FastifyReply } from "fastify";

/** RFC 4180 CSV; cells that a spreadsheet would run as formulas are prefixed with a quote. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    let s = typeof value === "string" ? value : JSON.stringify(value);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Sends a CSV body as a download, bypassing the JSON serializer. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .serializer((x: unknown) => String(x))
    .send(csv);
}
