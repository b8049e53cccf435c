/**
 * What the kramdown-syntax plugins did on a page, for the migration report. The Jekyll markdown
 * library puts a collector in the `env` it renders with; outside Jekyll mode there is none.
 */
export interface MarkdownNote {
  /** 1-based line of the rendered Markdown (mapped to the file's line by the library). */
  line: number;
  /** `converted`: carried over; `dropped`: left out (the editor checks it by eye). */
  kind: 'converted' | 'dropped';
  text: string;
}

export const NOTES = Symbol('jekyllMarkdownNotes');

export function noteOn(env: unknown, note: MarkdownNote): void {
  const notes = (env as { [NOTES]?: MarkdownNote[] } | undefined)?.[NOTES];
  notes?.push(note);
}

/** A 1-based line from a token's `map`, or 1. */
export function tokenLine(token: { map: [number, number] | null }): number {
  return token.map ? token.map[0] + 1 : 1;
}
