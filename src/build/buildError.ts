import path from 'node:path';
import type { Page } from '../content/page.ts';

/** Eleventy wraps errors: each knows the one it came from. */
interface ChainedError {
  message?: string;
  originalError?: unknown;
  cause?: unknown;
}

/**
 * Something thrown that is no error (a string, a number) is its own message; an object without a
 * message has none of its own (the errors it wraps still speak).
 */
function primitiveText(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown === 'number' || typeof thrown === 'boolean' || typeof thrown === 'bigint' || typeof thrown === 'symbol') return String(thrown);
  return '';
}

/** The messages of an error and of every error it wraps, outermost first, without stacks. */
export function errorMessages(error: unknown): string[] {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  for (let ref = error; ref && !seen.has(ref); ) {
    seen.add(ref);
    const chained = ref as ChainedError;
    const message = typeof chained.message === 'string' ? chained.message.trim() : primitiveText(ref);
    if (message && !messages.includes(message)) messages.push(message);
    ref = chained.originalError ?? chained.cause;
  }
  return messages;
}

/**
 * Explains a failed render to the editor: the page (as named in content messages) and, for a
 * Liquid error in a page that opted in to templates, the line in the Markdown file (Liquid counts
 * from the end of the front matter). Anything else is listed message by message.
 */
export function describeBuildError(error: unknown, pages: readonly Page[], inputDir: string): string {
  const messages = errorMessages(error);
  const byPath = new Map(pages.map((p) => [path.resolve(inputDir, p.inputPath), p]));
  for (const message of messages) {
    const at = /file:(.+?), line:(\d+), col:(\d+)/.exec(message);
    const page = at ? byPath.get(path.resolve(at[1]!)) : undefined;
    if (at && page) {
      const reason = message.slice(0, at.index).replace(/[,\s]+$/, '');
      return (
        `${page.file}:${page.bodyLine + Number(at[2]) - 1}: error: the page's Liquid template does not compile: ${reason}.\n` +
        '    The page opts in to templates with `templateEngineOverride`; fix the tag, or remove that line to show the text as written.'
      );
    }
  }
  const named = messages.map((m) => /template (\S+)$/.exec(m)?.[1]).find((f) => f && byPath.has(path.resolve(f)));
  const page = named ? byPath.get(path.resolve(named)) : undefined;
  const head = page ? `${page.file}: error: the page could not be rendered.` : 'error: the site could not be rendered.';
  return [head, ...messages.map((m) => `    ${m.split('\n').join('\n    ')}`)].join('\n');
}
