import { formatProblems, type ContentProblem } from '../content/errors.ts';
import type { LinkBreak } from './attributeBreaks.ts';

/** The outcome of a link check. */
export interface LinkReport {
  /** Broken links (errors) and links that work but should change (warnings), in file order. */
  breaks: LinkBreak[];
  stats: {
    /** HTML pages read. */
    pages: number;
    /** Link occurrences checked (each distinct href once per page). */
    links: number;
    /** Distinct internal targets (path + fragment) checked. */
    targets: number;
    /** Distinct external URLs checked (0 without `--external`). */
    externals: number;
    /** Wall time of the check, in milliseconds. */
    ms: number;
  };
}

export type ReportFormat = 'text' | 'json';

export interface FormatOptions {
  /** `npm run build` reports breaks as warnings: the site is written, the dev server keeps serving. */
  asWarnings?: boolean;
  /** Add GitHub Actions annotations (`::error file=…,line=…::…`) so breaks show on the diff. */
  github?: boolean;
}

const PAGES_SHOWN = 3;

function toProblem(b: LinkBreak, asWarnings: boolean): ContentProblem {
  let message = b.message;
  if (b.pages.length > 1) {
    const shown = b.pages.slice(0, PAGES_SHOWN).join(', ');
    message = `${message.slice(0, -1)} (on ${b.pages.length} pages: ${shown}${b.pages.length > PAGES_SHOWN ? ', …' : ''}).`;
  }
  return { severity: asWarnings ? 'warning' : b.severity, file: b.file, line: b.line, message, hint: hintOf(b) };
}

function hintOf(b: LinkBreak): string | undefined {
  const fix = b.problem === 'moved' ? `Link to ${b.suggestion} instead.` : `Did you mean ${b.suggestion}?`;
  const parts = [b.suggestion === undefined ? undefined : fix, b.note].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Human report: breaks grouped by the file to edit, each with its line and fix, then a summary. */
export function formatText(report: LinkReport, options: FormatOptions = {}): string {
  const byFile = new Map<string, LinkBreak[]>();
  for (const b of sortBreaks(report.breaks)) {
    const list = byFile.get(b.file);
    if (list) list.push(b);
    else byFile.set(b.file, [b]);
  }
  const blocks: string[] = [];
  if (options.github) blocks.push(formatGithub(report, options));
  for (const [file, breaks] of byFile) {
    const errors = breaks.filter((b) => b.severity === 'error').length;
    const counts = [errors && plural(errors, 'broken link'), breaks.length - errors && plural(breaks.length - errors, 'warning')].filter(Boolean);
    blocks.push(`${file} (${counts.join(', ')})\n${formatProblems(breaks.map((b) => toProblem(b, options.asWarnings ?? false)))}`);
  }
  blocks.push(summaryOf(report));
  return blocks.join('\n\n');
}

export function summaryOf(report: LinkReport): string {
  const errors = report.breaks.filter((b) => b.severity === 'error');
  const warnings = report.breaks.length - errors.length;
  const files = new Set(errors.map((b) => b.file)).size;
  const checked = `checked ${report.stats.links} links on ${report.stats.pages} pages${report.stats.externals ? ` and ${report.stats.externals} external URLs` : ''} in ${(report.stats.ms / 1000).toFixed(2)} s`;
  const head = errors.length === 0 ? 'No broken links' : `${plural(errors.length, 'broken link')} in ${plural(files, 'file')}`;
  return `${head}${warnings ? `, ${plural(warnings, 'warning')}` : ''} (${checked}).`;
}

/** The report as JSON, for tools: every break with file, line, href, problem and suggestion. */
export function formatJson(report: LinkReport): string {
  return JSON.stringify({ ok: !report.breaks.some((b) => b.severity === 'error'), breaks: sortBreaks(report.breaks), stats: report.stats }, null, 2);
}

/** One workflow command per break: GitHub shows it on the pull request's diff at that line. */
export function formatGithub(report: LinkReport, options: FormatOptions = {}): string {
  return sortBreaks(report.breaks)
    .map((b) => {
      const problem = toProblem(b, options.asWarnings ?? false);
      const properties = [`file=${escapeProperty(b.file)}`, b.line === undefined ? '' : `line=${b.line}`, `title=${escapeProperty(b.severity === 'error' ? 'Broken link' : 'Link to update')}`]
        .filter(Boolean)
        .join(',');
      const text = problem.hint ? `${problem.message} ${problem.hint}` : problem.message;
      return `::${problem.severity} ${properties}::${escapeData(text)}`;
    })
    .join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function sortBreaks(breaks: readonly LinkBreak[]): LinkBreak[] {
  return [...breaks].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.href.localeCompare(b.href));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
