import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readLastUpdated } from '../../src/site/lastUpdated.ts';
import { tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

// Runs git (to make a repository, and as readLastUpdated does); reading a log is lastUpdated.test.ts.
const scratch = scratchFolders();
after(() => scratch.removeAll());

describe('readLastUpdated', () => {
  it('reads dates of files under a folder from one git log, relative to that folder', () => {
    const repo = scratch.keep(tempDir());
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
        cwd: repo,
        env: { ...process.env, GIT_COMMITTER_DATE: process.env.TEST_DATE, GIT_AUTHOR_DATE: process.env.TEST_DATE },
      });
    git('init', '-q');
    mkdirSync(path.join(repo, 'content', 'über'), { recursive: true });
    writeFileSync(path.join(repo, 'content', 'index.md'), 'a');
    writeFileSync(path.join(repo, 'content', 'über', 'café.md'), 'b');
    writeFileSync(path.join(repo, 'outside.md'), 'c');
    process.env.TEST_DATE = '2024-02-01T00:00:00Z';
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    writeFileSync(path.join(repo, 'content', 'index.md'), 'changed');
    process.env.TEST_DATE = '2024-05-01T00:00:00Z';
    git('commit', '-q', '-am', 'second');
    delete process.env.TEST_DATE;

    const dates = readLastUpdated(path.join(repo, 'content'));
    assert.deepEqual(
      [...dates].map(([file, date]) => [file, date.toISOString().slice(0, 10)]).sort(),
      [
        ['index.md', '2024-05-01'],
        ['über/café.md', '2024-02-01'],
      ],
    );
  });

  it('gives no dates outside a git repository', () => {
    assert.equal(readLastUpdated(scratch.keep(tempDir())).size, 0);
  });
});
