import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { outsideLinkProblems } from '../../src/security/symlinks.ts';
import { tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

describe('outsideLinkProblems', () => {
  it('names each link of a loop across two folders once, where it lives', () => {
    const root = scratch.keep(tempDir());
    mkdirSync(path.join(root, 'x'));
    mkdirSync(path.join(root, 'y'));
    symlinkSync('../y', path.join(root, 'x', 'to-y'));
    symlinkSync('../x', path.join(root, 'y', 'to-x'));
    const problems = outsideLinkProblems(root, [], { shownDir: 'content' });
    assert.deepEqual(problems.map((p) => p.file).sort(), ['content/x/to-y', 'content/y/to-x']);
    assert.ok(problems.every((p) => p.severity === 'error' && /leads back to a folder that holds the link/.test(p.message)));
  });

  it('reads neither the output folder inside the input nor dot folders and node_modules; links inside are fine', () => {
    const root = scratch.keep(tempDir());
    for (const dir of ['_site', '.git', 'node_modules', 'guide']) mkdirSync(path.join(root, dir));
    for (const dir of ['_site', '.git', 'node_modules']) symlinkSync('/etc/passwd', path.join(root, dir, 'passwd'));
    writeFileSync(path.join(root, 'guide', 'index.md'), '---\ntitle: Guide\n---\n');
    symlinkSync('guide', path.join(root, 'handbook'));
    symlinkSync(path.join(root, 'guide', 'index.md'), path.join(root, 'start.md'));
    assert.deepEqual(outsideLinkProblems(root, [path.join(root, '_site')], { shownDir: '' }), []);
    assert.deepEqual(
      outsideLinkProblems(root, [], { shownDir: '' }).map((p) => p.file),
      ['_site/passwd'],
      '`_`-folders are read (`_includes`, `_data`) unless they are the output folder',
    );
  });
});
