import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createStagingFolder, OUTPUT_MARKER, publishStagingFolder, unsafeOutputReason } from '../../src/site/outputFolder.ts';
import { tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

describe('unsafeOutputReason', () => {
  const root = scratch.keep(tempDir());
  const content = path.join(root, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'index.md'), '---\ntitle: Home\n---\n');

  it('refuses the content folder itself, however it is written', () => {
    assert.match(unsafeOutputReason(content, content)!, /is the content folder/);
    assert.match(unsafeOutputReason(content, path.join(content, 'sub', '..'))!, /is the content folder/);
  });

  it('refuses a folder that contains the content folder', () => {
    assert.match(unsafeOutputReason(content, root)!, /contains the content folder/);
    assert.match(unsafeOutputReason(content, path.parse(root).root)!, /contains the content folder/);
  });

  it('refuses a non-empty folder this generator did not write', () => {
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    assert.match(unsafeOutputReason(content, other)!, /did not write/);
  });

  it('refuses a file', () => {
    assert.match(unsafeOutputReason(content, path.join(content, 'index.md'))!, /is a file/);
  });

  it('accepts a new folder, an empty one, one it wrote, and one inside the content folder', () => {
    assert.equal(unsafeOutputReason(content, path.join(root, 'new')), undefined);
    mkdirSync(path.join(root, 'empty'));
    assert.equal(unsafeOutputReason(content, path.join(root, 'empty')), undefined);
    const ours = path.join(root, 'ours');
    mkdirSync(ours);
    writeFileSync(path.join(ours, OUTPUT_MARKER), '');
    writeFileSync(path.join(ours, 'index.html'), 'old');
    assert.equal(unsafeOutputReason(content, ours), undefined);
    assert.equal(unsafeOutputReason(content, path.join(content, '_site')), undefined);
  });
});

describe('staging and publishing', () => {
  it('replaces the old site with the staged one, keeping the marker', () => {
    const out = path.join(scratch.keep(tempDir()), 'site');
    const staging = createStagingFolder(out);
    assert.ok(existsSync(path.join(out, OUTPUT_MARKER)));
    writeFileSync(path.join(staging, 'index.html'), 'first');
    publishStagingFolder(out, staging);
    const second = createStagingFolder(out);
    writeFileSync(path.join(second, 'new.html'), 'second');
    // While the second build runs, readers still see the first site.
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'first');
    publishStagingFolder(out, second);
    assert.deepEqual(readdirSync(out).sort(), [OUTPUT_MARKER, 'new.html']);
  });
});
