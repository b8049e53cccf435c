import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { passthroughGlobs } from '../../src/site/passthroughGlobs.ts';
import { tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

const FILES = '*.{png,jpg,jpeg,gif,svg,webp,avif,ico,pdf,txt,csv,zip,docx,xlsx,pptx}';

describe('passthroughGlobs', () => {
  it('is one recursive glob, relative to the working folder, when nothing needs skipping', () => {
    const root = scratch.keep(tempDir());
    mkdirSync(path.join(root, 'content', 'security', 'images'), { recursive: true });
    assert.deepEqual(passthroughGlobs(path.join(root, 'content'), root), [`content/**/${FILES}`]);
    assert.deepEqual(passthroughGlobs(path.join(root, 'content'), path.join(root, 'content')), [`./**/${FILES}`]);
  });

  it('leaves out folders that hold no pages and the output folder, at any depth', () => {
    const root = scratch.keep(tempDir());
    for (const dir of ['a/images', 'a/_drafts', 'b/c', 'b/out', '_site', '.git', 'node_modules/x']) mkdirSync(path.join(root, dir), { recursive: true });
    const globs = passthroughGlobs(root, root, [path.join(root, 'b', 'out')]);
    assert.deepEqual(globs.sort(), [`./${FILES}`, `a/${FILES}`, `a/images/**/${FILES}`, `b/${FILES}`, `b/c/**/${FILES}`]);
  });
});
