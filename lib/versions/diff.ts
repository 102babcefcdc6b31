// The difference in settings between two generations: what a version stack and the compare view list.
// Pure (no server-only): the browser uses it for any pair the person picks.

export interface Settings {
  prompt?: string | null;
  model?: string | null;
  mode?: string | null;
  params?: Record<string, unknown> | null;
}

export interface SettingChange {
  /** `prompt`, `model`, `mode`, or a parameter's name (the studio's own names). */
  field: string;
  from?: unknown;
  to?: unknown;
}

const HEAD = ["prompt", "model", "mode"] as const;
const rank = (f: string) => (HEAD.includes(f as never) ? HEAD.indexOf(f as never) : HEAD.length);
const byField = (p: string, q: string) => rank(p) - rank(q) || p.localeCompare(q);

function flat(s: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of HEAD) if (s[k] != null && s[k] !== "") out[k] = s[k];
  for (const [k, v] of Object.entries(s.params ?? {})) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/** The fields whose values differ between `a` and `b` (prompt, model, mode first, then parameters by name). */
export function settingChanges(a: Settings, b: Settings): SettingChange[] {
  const x = flat(a);
  const y = flat(b);
  return [...new Set([...Object.keys(x), ...Object.keys(y)])]
    .sort(byField)
    .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
    .map((k) => ({ field: k, ...(k in x ? { from: x[k] } : {}), ...(k in y ? { to: y[k] } : {}) }));
}

/** For several items: each field that is not the same on all of them, with every item's value (in order). */
export function settingTable(items: Settings[]): { field: string; values: unknown[] }[] {
  const flats = items.map(flat);
  const fields = new Set<string>();
  for (const f of flats) for (const k of Object.keys(f)) fields.add(k);
  return [...fields]
    .filter((k) => new Set(flats.map((f) => JSON.stringify(f[k]))).size > 1)
    .sort(byField)
    .map((field) => ({ field, values: flats.map((f) => f[field]) }));
}
