/**
 * A value from a guide's YAML (or a Liquid value) where text belongs, as text: a string as it is;
 * a number, boolean, date or list as `String()` writes it (`2016`, `true`, `a,b`); '' for null,
 * undefined or a mapping, which hold no text of their own.
 */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date || Array.isArray(value)) return String(value);
  return '';
}
