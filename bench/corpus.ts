import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './adapters.ts';

/**
 * `shared/bench/make-corpus.mjs` beside the repository (`../shared/`); from a git worktree
 * nested deeper, the nearest `shared/` above it. Undefined when there is none: the generator
 * is not part of the repository.
 */
export function findCorpusScript(): string | undefined {
  for (let dir = path.dirname(projectRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'bench', 'make-corpus.mjs');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Writes a generated corpus into `dir` (a new folder); returns what the generator printed on stderr. */
export function makeCorpus(pages: number, dir: string, extra: string[] = []): string {
  const script = findCorpusScript();
  if (!script) throw new Error('make-corpus.mjs not found: expected ../shared/bench/make-corpus.mjs beside the repository.');
  const result = spawnSync(process.execPath, [script, '--pages', String(pages), '--out', dir, ...extra], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`make-corpus failed (${result.status}): ${result.stderr}`);
  return result.stderr;
}

/**
 * Commits the corpus to a new git repository, as a guide's content is: the build reads each
 * page's "last updated" date from `git log`, and a corpus outside git would skip that work.
 * Returns false when git is not installed.
 */
export function commitCorpus(dir: string): boolean {
  const git = (...args: string[]) =>
    spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' },
    });
  const init = git('init', '-q');
  if (init.error || init.status !== 0) return false;
  for (const args of [['add', '-A'], ['commit', '-q', '-m', 'corpus']]) {
    const result = git(...args);
    if (result.status !== 0) throw new Error(`git ${args[0]} in the corpus failed: ${result.stderr}`);
  }
  return true;
}

/** A page of a generated corpus: its file (relative, `/`-separated), URL and front matter. */
export interface CorpusPage {
  file: string;
  url: string;
  title: string;
  navtitle?: string;
  parent?: string;
}

/** The corpus's pages: `sec/index.md` is served at `/sec/`, `sec/slug.md` at `/sec/slug/`. */
export function corpusPages(dir: string): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const section of readdirSync(dir).sort()) {
    for (const name of readdirSync(path.join(dir, section)).sort()) {
      if (!name.endsWith('.md')) continue;
      const text = readFileSync(path.join(dir, section, name), 'utf8');
      const front = text.slice(0, text.indexOf('\n---', 3));
      const field = (key: string) => {
        const match = front.match(new RegExp(`^${key}: (.*)$`, 'm'));
        return match ? (JSON.parse(match[1]!) as string) : undefined;
      };
      pages.push({
        file: `${section}/${name}`,
        url: name === 'index.md' ? `/${section}/` : `/${section}/${name.slice(0, -3)}/`,
        title: field('title')!,
        navtitle: field('navtitle'),
        parent: field('parent'),
      });
    }
  }
  return pages;
}
