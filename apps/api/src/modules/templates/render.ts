export type TemplateVars = Readonly<Record<string, string | number | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills {{name}} placeholders in one pass, so a value containing braces is never expanded in turn. Values are plain
 * text (no escaping: the outbox sends text mail); a null value renders empty; a name not given stays visible as
 * written, so a typo in a template shows instead of silently vanishing.
 */
export function renderTemplate(body: string, vars: TemplateVars): string {
  return body.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (!Object.hasOwn(vars, name)) return placeholder;
    const value = vars[name];
    if (value === undefined) return placeholder;
    return value === null ? "" : String(value);
  });
}

/** The distinct variable names a template uses, in order of first use. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}
