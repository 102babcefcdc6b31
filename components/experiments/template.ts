// The builder's preview of a prompt template (`一只{动物}在{地点}` × value lists → rows). The server expands the
// same definition again when it runs; this copy only shows the rows before anything is sent.

const VARIABLE = /\{([^{}\s]{1,40})\}/g;

/** The variable names of a template, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]))];
}

/** Every combination of the variables' values, the first variable varying slowest. */
export function expandTemplate(template: string, variables: Record<string, string[]>): string[] {
  const names = templateVariables(template);
  let rows: Record<string, string>[] = [{}];
  for (const name of names) {
    const values = (variables[name] ?? []).map((v) => v.trim()).filter(Boolean);
    rows = rows.flatMap((r) => values.map((v) => ({ ...r, [name]: v })));
  }
  return rows.map((r) => template.replace(VARIABLE, (whole, name: string) => r[name] ?? whole));
}

/** "猫, 狗，兔" → ["猫", "狗", "兔"]: commas of either width, or new lines. */
export function splitValues(text: string): string[] {
  return text
    .split(/[,，\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}
