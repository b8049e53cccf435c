/**
 * Content problems an editor can fix. Every problem names the file (relative to the
 * project, as the editor sees it in their pull request) and, where known, the line.
 */
export type Severity = 'error' | 'warning';

export interface ContentProblem {
  severity: Severity;
  /** Path of the Markdown file, as shown to the editor (e.g. `content/security/frameworks.md`). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** Thrown when content has errors: the build stops before anything is written. */
export class ContentValidationError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentValidationError';
    this.problems = problems;
  }
}

export function formatLocation(problem: Pick<ContentProblem, 'file' | 'line'>): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}

/** One problem a line (plus an indented hint), errors first, sorted by file and line. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const sorted = [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  return sorted
    .map((p) => {
      const head = `${formatLocation(p)}: ${p.severity}: ${p.message}`;
      return p.hint ? `${head}\n    ${p.hint}` : head;
    })
    .join('\n');
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
