/** Values an agent's reply template may name, as far as the browser knows them. */
export type TemplateVariables = Partial<Record<string, string | number>>;

/**
 * Fills the `{{name}}` placeholders the browser knows. Unknown ones stay as written so the agent sees what is left
 * to fill before sending, rather than an empty gap in the sentence.
 */
export function fillTemplate(body: string, variables: TemplateVariables): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder: string, name: string) => {
    const value = variables[name];
    return value === undefined || value === "" ? placeholder : String(value);
  });
}

/** Placeholders still in a text, for a "fill these in" hint. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? ""))].filter(Boolean);
}
