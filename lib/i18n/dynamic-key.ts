// Keys built at run time (`modes.${mode}`, `status.${status}`) cannot be checked against the message files by
// `tsc`; this is the one place that says so, instead of an `as never` at every call. A key the messages lack
// shows `fallback` (the key itself by default) rather than throwing in the middle of a render.

/** Any translator from use-intl or lib/i18n/server, whatever its namespace. */
export interface Translator {
  (key: never, values?: never): string;
  has(key: never): boolean;
}

export type KeyValues = Record<string, string | number | Date>;

/** Whether the translator's namespace holds `key`. */
export function hasKey(t: Translator, key: string): boolean {
  return t.has(key as never);
}

/** The text of a key made at run time, or `fallback` when the messages lack it. */
export function tKey(t: Translator, key: string, values?: KeyValues, fallback: string = key): string {
  return hasKey(t, key) ? t(key as never, values as never) : fallback;
}
