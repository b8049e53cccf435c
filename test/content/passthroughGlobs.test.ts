import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { passthroughCopyOptions, passthroughGlobs } from '../../src/content/passthroughGlobs.ts';
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

  it('gives no recursive glob to a folder holding a link outside (the glob search follows links), and walks links inside', () => {
    const root = scratch.keep(tempDir());
    mkdirSync(path.join(root, 'content', 'a', 'b'), { recursive: true });
    mkdirSync(path.join(root, 'content', 'shared'), { recursive: true });
    symlinkSync('/etc', path.join(root, 'content', 'a', 'b', 'etc'));
    symlinkSync('../shared', path.join(root, 'content', 'a', 'pictures'));
    const globs = passthroughGlobs(path.join(root, 'content'), root);
    assert.deepEqual(globs.sort(), [`content/${FILES}`, `content/a/${FILES}`, `content/a/b/${FILES}`, `content/a/pictures/**/${FILES}`, `content/shared/**/${FILES}`]);
  });

  it('copies no file whose real path is outside the content, and copies links as files', () => {
    const root = scratch.keep(tempDir());
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'images', 'logo.png'), 'png');
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    symlinkSync('../secret.txt', path.join(root, 'content', 'secret.txt'));
    symlinkSync('images/logo.png', path.join(root, 'content', 'logo.png'));
    const options = passthroughCopyOptions(path.join(root, 'content'));
    assert.equal(options.expand, true);
    assert.equal(options.rawPathFilter(path.join(root, 'content', 'images', 'logo.png')), true);
    assert.equal(options.rawPathFilter(path.join(root, 'content', 'logo.png')), true);
    assert.equal(options.rawPathFilter(path.join(root, 'content', 'secret.txt')), false);
    assert.equal(options.rawPathFilter(path.join(root, 'secret.txt')), false);
  });
});
