import { escapeHtml } from '../../src/markdown/escapeHtml.ts';

/** Escapes text for HTML; every string a layout prints goes through this or `attr`. */
export const esc = (text: string | undefined): string => escapeHtml(text ?? '');

/** An attribute `name="value"`, or nothing when the value is absent. */
export const attr = (name: string, value: string | undefined | false): string =>
  value === undefined || value === false ? '' : ` ${name}="${escapeHtml(value)}"`;
