import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The query whose cost "bytes before a first result" counts: a common word, as in the peer baselines. */
export const FIRST_QUERY = 'water';

/**
 * Queries a reader might type, drawn from the corpus itself so that every size has hits:
 * whole words (common and rare), three-letter prefixes (as-you-type), and two-word queries.
 * The same corpus always gives the same list.
 */
export function queriesFor(corpusDir: string, count = 20): string[] {
  const files = markdownFiles(corpusDir);
  const words: string[] = [];
  const seen = new Set<string>();
  const step = Math.max(1, Math.floor(files.length / count));
  for (let i = 0; i < files.length && words.length < count; i += step) {
    const body = readFileSync(files[i]!, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const candidates = body.toLowerCase().match(/\b[a-z]{5,}\b/g) ?? [];
    // A different position in each file mixes common words with rare ones.
    const word = candidates.slice(words.length % 7).find((w) => !seen.has(w));
    if (word) {
      seen.add(word);
      words.push(word);
    }
  }
  const prefixes = words.slice(0, count / 2).map((w) => w.slice(0, 3));
  const pairs = words.slice(0, count / 2).map((w, i) => `${w} ${words[words.length - 1 - i]}`);
  return [FIRST_QUERY, ...words, ...prefixes, ...pairs];
}

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) found.push(full);
  }
  return found;
}
