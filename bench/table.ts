// The results as one Markdown table: read on the console, pasted into docs/benchmarks.md.
import { BUDGETS, type BenchResult, type SizeResult } from './results.ts';
import type { Spread } from './stats.ts';
import type { StepResult } from './steps.ts';

const num = (value: number, digits = 2) => value.toFixed(digits);
const spread = (s: Spread, digits = 2, unit = '') => `${num(s.median, digits)}${unit} (${num(s.min, digits)}–${num(s.max, digits)})`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const verdict = (ok: boolean) => (ok ? 'ok' : '**over**');

/** A cell from a step: its figure, or the reason it has none. */
function cell<T>(result: StepResult<T>, show: (value: T) => string): string {
  if (result.status === 'ok') return show(result.value);
  if (result.status === 'failed') return `failed: ${result.reason.split('\n')[0]!.slice(0, 80)}`;
  return result.status;
}

export function formatTable(result: BenchResult): string {
  const sizes = result.sizes;
  const base = sizes.find((s) => s.pages === 1000) ?? sizes[0];
  const baseAverage = base && base.output.status === 'ok' ? base.output.value.ours.averagePageBytes : undefined;
  // Above one runnable process per core, wall times measure the other work as much as ours.
  const loaded = Math.max(result.load.before, result.load.after) > result.machine.cores;
  const rows: [string, (s: SizeResult) => string, string][] = [
    ['Build time, ours (s)', (s) => cell(s.build, (b) => spread(b.ours.seconds)), ''],
    ['Build time, floor: plain Eleventy (s)', (s) => cell(s.build, (b) => spread(b.floor.seconds)), ''],
    [
      'Build time, ours ÷ floor',
      (s) =>
        cell(s.build, (b) => {
          const limit = BUDGETS.timeRatio(s.pages);
          if (!limit) return `${num(b.timeRatio)}×`;
          return `${num(b.timeRatio)}× ${loaded ? '(machine loaded: not a verdict)' : verdict(b.timeRatio <= limit)}`;
        }),
      '≤ 1.5× at 1k, ≤ 1.3× at 10k',
    ],
    [
      'CPU time (user + sys), ours ÷ floor',
      (s) =>
        cell(s.build, (b) => {
          const limit = BUDGETS.timeRatio(s.pages);
          return `${spread(b.ours.cpuSeconds)} ÷ ${spread(b.floor.cpuSeconds)} = ${num(b.cpuRatio)}×${limit ? ` ${verdict(b.cpuRatio <= limit)}` : ''}`;
        }),
      'same budget, as a proxy when the machine is loaded',
    ],
    [
      'Peak memory, ours (MiB, process tree)',
      (s) => cell(s.build, (b) => `${spread(b.ours.peakMiB, 0)}${s.pages >= 10_000 ? ` ${verdict(b.ours.peakMiB.median <= BUDGETS.peakMiBAt10k)}` : ''}`),
      '≤ 1,024 MiB at 10k',
    ],
    ['Peak memory, floor (MiB)', (s) => cell(s.build, (b) => spread(b.floor.peakMiB, 0)), ''],
    ['Peak memory, ours ÷ floor', (s) => cell(s.build, (b) => `${num(b.memoryRatio)}×`), ''],
    ['Output, ours (files)', (s) => cell(s.output, (o) => `${mb(o.ours.totalBytes)} (${o.ours.files})`), ''],
    ['Output, floor (files)', (s) => cell(s.output, (o) => `${mb(o.floor.totalBytes)} (${o.floor.files})`), ''],
    [
      'Average page, ours',
      (s) =>
        cell(s.output, (o) => {
          if (!baseAverage || s === base) return kb(o.ours.averagePageBytes);
          const growth = o.ours.averagePageBytes / baseAverage;
          return `${kb(o.ours.averagePageBytes)} = ${num(growth)}× 1k ${verdict(growth <= BUDGETS.pageGrowth)}`;
        }),
      '≤ 1.2× the 1k page',
    ],
    ['Average page, floor', (s) => cell(s.output, (o) => kb(o.floor.averagePageBytes)), ''],
    [
      'Average page, ours, by part',
      (s) =>
        cell(s.output, (o) =>
          Object.entries(o.ours.averagePartBytes)
            .map(([part, bytes]) => `${part} ${(bytes / 1024).toFixed(1)}`)
            .join('; '),
        ),
      'KiB per page',
    ],
    ['Search index, ours: raw / gzip (files)', (s) => cell(s.search, (x) => `${mb(x.index.rawBytes)} / ${mb(x.index.gzipBytes)} (${x.index.files})`), ''],
    [
      'Before first result, ours: wire / raw',
      (s) =>
        cell(s.search, (x) => {
          const peer = s.pagefind.status === 'ok' ? s.pagefind.value.firstResult.wireBytes : undefined;
          const mark = peer === undefined ? '' : ` ${verdict(x.firstResult.wireBytes <= peer)}`;
          return `${kb(x.firstResult.wireBytes)} / ${kb(x.firstResult.rawBytes)} in ${x.firstResult.requests} files${mark}`;
        }),
      '≤ Pagefind',
    ],
    [
      'Before first result, Pagefind: wire / raw',
      (s) => cell(s.pagefind, (x) => `${kb(x.firstResult.wireBytes)} / ${kb(x.firstResult.rawBytes)} in ${x.firstResult.requests} files`),
      '',
    ],
    [
      'Query, ours: median / p95 (ms)',
      (s) =>
        cell(s.search, (x) => `${num(x.query.medianMs)} / ${num(x.query.p95Ms)}${s.pages >= 10_000 ? ` ${verdict(x.query.medianMs <= BUDGETS.queryMedianMsAt10k)}` : ''}`),
      'median ≤ 16 ms at 10k',
    ],
    ['Query, Pagefind: median / p95 (ms)', (s) => cell(s.pagefind, (x) => `${num(x.query.medianMs)} / ${num(x.query.p95Ms)}`), ''],
    ['Pagefind indexing (s / MiB), for reference', (s) => cell(s.pagefind, (x) => `${num(x.indexing.seconds)} / ${num(x.indexing.peakMiB, 0)}`), ''],
    [
      'Internal link check (s)',
      (s) => cell(s.linkCheck, (l) => `${spread(l.seconds)}${s.pages >= 10_000 ? ` ${verdict(l.seconds.median <= BUDGETS.linkCheckSecondsAt10k)}` : ''}`),
      '≤ 30 s at 10k',
    ],
  ];
  const header = `| Measure | ${sizes.map((s) => `${s.pages.toLocaleString('en')} pages`).join(' | ')} | Budget |`;
  const rule = `| --- | ${sizes.map(() => '---').join(' | ')} | --- |`;
  const lines = [header, rule, ...rows.map(([label, show, budget]) => `| ${label} | ${sizes.map(show).join(' | ')} | ${budget} |`)];

  const dev = result.devServer;
  const devRows = [
    '',
    '| Dev server (1,000 pages) | Figure | Budget |',
    '| --- | --- | --- |',
    `| Start to first page served (s) | ${cell(dev, (d) => num(d.startSeconds))} | |`,
    `| Body edit → page served with the new text (s) | ${cell(dev, (d) => `${spread(d.bodyEditServed)} ${verdict(d.bodyEditServed.median <= BUDGETS.devBodyEditSeconds)}`)} | ≤ 1 s |`,
    `| Body edit → open page in Chromium shows it (s) | ${cell(dev, (d) => (d.bodyEditBrowser ? `${spread(d.bodyEditBrowser)} ${verdict(d.bodyEditBrowser.median <= BUDGETS.devBodyEditSeconds)}` : 'no browser'))} | ≤ 1 s |`,
    `| navtitle change → every page's nav shows it (s) | ${cell(dev, (d) => `${num(d.labelChangeAllPages.seconds)}; stale pages: ${d.labelChangeAllPages.pagesStale} of ${d.labelChangeAllPages.pagesChecked}`)} | all pages |`,
  ];
  return [...lines, ...devRows].join('\n');
}

/** Machine, date and command, above the table. */
export function formatHeader(result: BenchResult): string {
  const m = result.machine;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, Eleventy ${m.eleventy}, Pagefind ${m.pagefind}.`,
    `Date: ${result.date}. Command: \`${result.command}\`.`,
    `Load average (1 min) before / after: ${num(result.load.before)} / ${num(result.load.after)} on ${m.cores} cores (other work on the machine skews times; ratios from one run hold better).`,
    `Build figures: median of ${result.runs} cold runs (min–max) after ${result.warmup} warm-up run${result.warmup === 1 ? '' : 's'}; ours and the floor alternate.`,
  ].join('\n');
}
