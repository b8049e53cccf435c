// Results of the external check kept between runs (a JSON file), so a URL is asked at most once
// a day. Only lasting answers are kept: a server error, a rate limit or a timeout is asked again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExternalOutcome } from './externalOutcome.ts';

export interface CacheEntry {
  checkedAt: number;
  result: ExternalOutcome;
}

export function readCache(file: string): Record<string, CacheEntry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; results?: Record<string, CacheEntry> };
    return data.version === 1 && data.results ? data.results : {};
  } catch {
    return {};
  }
}

export function writeCache(file: string, results: Record<string, CacheEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ version: 1, results }, null, 1)}\n`);
}

/** Server errors, rate limits, timeouts and unfinished checks pass; they are asked again on the next run. */
export function isLasting(result: ExternalOutcome): boolean {
  if (result.outcome === 'unknown' || result.outcome === 'asked-to-wait' || result.outcome === 'not-checked') return false;
  return !(result.outcome === 'broken' && /^(answered (5\d\d|429|408)|did not answer)/.test(result.detail));
}
