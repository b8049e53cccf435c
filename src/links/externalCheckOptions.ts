// What the external link check can be told, and its defaults (`check-links` flags, `site.yml`).
import path from 'node:path';

export interface ExternalCheckOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** Time one request may take, in milliseconds. */
  timeoutMs?: number;
  /** Retries of a 5xx answer, a 429 or no answer (exponential backoff, or the `Retry-After` asked for). */
  retries?: number;
  /** Random extra wait before each retry, in milliseconds, so retries do not arrive together. */
  retryJitterMs?: number;
  /** Time the whole check may take, in milliseconds: no request starts after it (`--max-time`). */
  maxTimeMs?: number;
  /** Regular expressions of URLs never fetched (`link_check_skip` in `site.yml`). */
  skip?: readonly string[];
  /** Where results are kept between runs. */
  cacheFile?: string;
  /** How long a result is trusted, in milliseconds (a day). */
  cacheMaxAgeMs?: number;
}

export const DEFAULT_CACHE_FILE = path.join('.cache', 'guidebook', 'external-links.json');
/** Five minutes: a weekly check of a few hundred URLs needs one or two. */
export const DEFAULT_MAX_TIME_MS = 5 * 60 * 1000;
/** The longest `Retry-After` waited out. A site asking for more is not asked again this run. */
export const MAX_RETRY_AFTER_S = 60;
