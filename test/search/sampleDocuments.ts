// Deterministic search documents with the awkward parts of real guidance: stems (running,
// runs, runner), stop words, punctuation that joins or ends words, numbers, non-ASCII letters,
// tokens that trim to nothing, empty fields, and a few very common words.
import type { IndexedDocument } from '../../src/search/searchDocuments.ts';

/** A document and the page it belongs to. */
export type SampleDocument = IndexedDocument & { page: number };

const COMMON = ['security', 'secure', 'securing', 'service', 'server', 'set', 'settings', 'run', 'running', 'runs', 'runner', 'the', 'and', 'of', 'to', 'a', 'is'];
const WORDS = [
  'django', 'flask', 'rails', 'sinatra/padrino', 'rack-protection', 'secureheaders', 'owasp', 'python', 'ruby', 'static', 'analysis',
  'analyses', 'analyzing', 'checklist', 'deployment', 'deploy', 'authorization', 'authentication', 'token', 'tokens', 'café', 'naïve',
  'über', '日本語', 'e.g.', 'node.js', 'c++', 'x86_64', '2.3.9', '—', '...', '(see', 'also)', 'don\'t', '“quoted”', 'https://example.com/a/b',
  'water', 'watch', 'walk', 'want', 'wash', 'wax', 'secrets', 'secret', 'sector', 'select', 'selection', 'self', 'sell', 'seldom',
  'level', 'levels', 'friends', '<friends>', '&', 'step', 'steps', 'stepping', 'generalization', 'general', 'generic',
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleDocuments(count: number, seed = 7): SampleDocument[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = () => (random() < 0.3 ? pick(COMMON) : pick(WORDS));
  const text = (n: number) => Array.from({ length: n }, word).join(random() < 0.2 ? ', ' : ' ');
  const documents: SampleDocument[] = [];
  for (let page = 0; documents.length < count; page++) {
    const title = `${text(1 + Math.floor(random() * 3))} ${page}`;
    documents.push({ fields: { title, heading: '', body: random() < 0.2 ? '' : text(Math.floor(random() * 30)) }, boost: 1.25, page });
    for (let s = Math.floor(random() * 4); s > 0 && documents.length < count; s--) {
      const heading = text(1 + Math.floor(random() * 3));
      documents.push({ fields: { title, heading, body: text(5 + Math.floor(random() * 60)) }, boost: 1, page });
    }
  }
  return documents;
}

/** Queries that reach every path: prefixes, whole words, stems, several words, stop words, typos, nothing. */
export const SAMPLE_QUERIES = [
  'se', 'sec', 'secu', 'secur', 'securi', 'securit', 'security', 'secure ', 'wa', 'wat', 'water', 'water ', 'ru', 'run', 'runn', 'running',
  'runner', 'py', 'pyth', 'python', 'padrino', 'sinatra', 'rack', 'protection', 'django', 'djnago', 'flsk', 'flask', 'flask secur',
  'static analysis python', 'static analysis', 'analysis', 'analyzing', 'the', 'the wa', 'a', 's', 'flask s', 'flask se', 'caf', 'café', 'naïve',
  'über', 'ber', '日本', '日本語', 'node', 'node.js', 'js', 'c++', 'x86', 'x86_64', '2.3', '2.3.9', 'e.g', 'don\'t', 'quoted', 'example.com', 'level 4',
  'friends', '<friends>', '<img src=x onerror=alert(1)>', 'generaliz', 'generalizat', 'genera', 'step', 'steps', 'stepp', 'sel', 'self',
  'seldom', 'zzzz', 'qwertyuiop', '', '   ', '—', 'wash water walk', 'secrets settings server',
];
