import type { DevServerFigures } from './devServer.ts';
import type { OutputSize } from './outputSize.ts';
import type { SearchFigures } from './searchFigures.ts';
import type { Spread } from './stats.ts';
import type { StepResult } from './steps.ts';

/** Time and memory of one command over several cold runs. */
export interface BuildCost {
  seconds: Spread;
  peakMiB: Spread;
  /** User + system CPU time: less swayed than wall time by other work on the machine. */
  cpuSeconds: Spread;
}

export interface SizeResult {
  pages: number;
  build: StepResult<{ ours: BuildCost; floor: BuildCost; timeRatio: number; cpuRatio: number; memoryRatio: number }>;
  output: StepResult<{ ours: OutputSize; floor: OutputSize }>;
  pagefind: StepResult<SearchFigures & { indexing: { seconds: number; peakMiB: number } }>;
  search: StepResult<SearchFigures>;
  linkCheck: StepResult<BuildCost>;
}

export interface BenchResult {
  date: string;
  command: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; eleventy: string; pagefind: string };
  /** The machine's 1-minute load average before and after: other work on it skews the times. */
  load: { before: number; after: number };
  runs: number;
  warmup: number;
  sizes: SizeResult[];
  devServer: StepResult<DevServerFigures & { pages: number }>;
}

/** The budgets of issue 5 (and the search issue's), checked beside each figure. */
export const BUDGETS = {
  /** Build time as a multiple of the floor: at most 1.5x at 1,000 pages, 1.3x at 10,000. */
  timeRatio: (pages: number): number | undefined => (pages <= 1000 ? 1.5 : pages >= 10_000 ? 1.3 : undefined),
  /** Peak memory of the whole build at 10,000 pages. */
  peakMiBAt10k: 1024,
  /** Average page at the largest size over the average page at 1,000 pages. */
  pageGrowth: 1.2,
  linkCheckSecondsAt10k: 30,
  queryMedianMsAt10k: 16,
  devBodyEditSeconds: 1,
};
