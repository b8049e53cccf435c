// Issue 17: a pull request's content never reaches outside its folder. A symbolic link that
// leads outside (to /etc/passwd, to `..`, to /etc), dangles or loops stops the build with an
// error naming it; so does a Liquid include that reads outside. A link to another file of the
// content is followed, and what it points to is published as a file.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { siteFiles } from '../helpers/builtSite.ts';
import { STACK_TRACE } from '../helpers/console.ts';
import { buildSite, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

const OUTSIDE_SECRET = 'OUTSIDE-SECRET-7f3a';
const PASSWD_LINE = 'root:x:0:0';

/** A temporary folder with `name/` for the content and `secret.txt` beside it (outside the content). */
function workspace(name: string, files: Record<string, string>): { root: string; input: string } {
  const root = scratch.keep(tempDir());
  const input = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), text);
  }
  writeFileSync(path.join(root, 'secret.txt'), `${OUTSIDE_SECRET}\n`);
  return { root, input };
}

/** `ln -s target input/link`. */
function link(input: string, linkPath: string, target: string): void {
  mkdirSync(path.dirname(path.join(input, linkPath)), { recursive: true });
  symlinkSync(target, path.join(input, linkPath));
}

/** What must hold of any site built here: no link in it, nothing from outside the content. */
function assertNothingFromOutside(outputDir: string): void {
  if (!existsSync(outputDir)) return;
  for (const file of siteFiles(outputDir)) {
    const absolute = path.join(outputDir, file);
    assert.ok(!lstatSync(absolute).isSymbolicLink(), `${file} is a symbolic link in the built site`);
    const text = readFileSync(absolute, 'latin1');
    assert.ok(!text.includes(PASSWD_LINE) && !text.includes(OUTSIDE_SECRET), `${file} holds text from outside the content`);
  }
}

function assertStoppedCleanly(result: { code: number | null; stderr: string; outputDir: string }): void {
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /Nothing was written\./);
  assert.doesNotMatch(result.stderr, STACK_TRACE);
  assert.ok(!existsSync(path.join(result.outputDir, 'index.html')), 'no page was written');
  assertNothingFromOutside(result.outputDir);
}


const GIT_SECRET = 'x-access-token:ghs_GITSECRET9c1d';
/** `input/.git/config`, holding a checkout token as on CI. */
function gitConfig(input: string): void {
  mkdirSync(path.join(input, '.git'), { recursive: true });
  writeFileSync(path.join(input, '.git', 'config'), `[remote "origin"]\n\turl = https://${GIT_SECRET}@github.com/o/r\n`);
}

function assertNoGitSecret(result: { stderr: string; stdout?: string; outputDir: string }): void {
  assert.ok(!result.stderr.includes(GIT_SECRET), 'the secret is not shown');
  if (!existsSync(result.outputDir)) return;
  for (const file of siteFiles(result.outputDir)) {
    assert.ok(!readFileSync(path.join(result.outputDir, file), 'latin1').includes(GIT_SECRET), `${file} holds .git/config`);
  }
}

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;

describe('our content: symbolic links', () => {
  it('stops on links to /etc/passwd, to .., to /etc, to a file outside, a dangling link and a loop, naming each', async () => {
    const { root, input } = workspace('content', { 'index.md': page('Home', 'Welcome.'), 'guide/index.md': page('Guide', 'Steps.') });
    link(input, 'passwd.txt', '/etc/passwd');
    link(input, 'up', '..');
    link(input, 'guide/etc', '/etc');
    link(input, 'guide/notes.txt', path.join(root, 'secret.txt'));
    link(input, 'gone.png', 'missing.png');
    link(input, 'guide/again', '..');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    const outside = 'outside the content folder; the build never reads or publishes files outside it.';
    assert.ok(result.stderr.includes(`content/passwd.txt: error: is a symbolic link to /etc/passwd, ${outside}\n    Replace the link with the file itself.`), result.stderr);
    assert.ok(result.stderr.includes(`content/up: error: is a symbolic link to .. (${root}), ${outside}\n    Replace the link with the folder itself.`), result.stderr);
    assert.ok(result.stderr.includes(`content/guide/etc: error: is a symbolic link to /etc, ${outside}`), result.stderr);
    assert.ok(result.stderr.includes(`content/guide/notes.txt: error: is a symbolic link to ${path.join(root, 'secret.txt')}, ${outside}`), result.stderr);
    assert.match(result.stderr, /content\/gone\.png: error: is a symbolic link to missing\.png, which does not exist/);
    assert.match(result.stderr, /content\/guide\/again: error: is a symbolic link to \.\. \([^)]*\), which leads back to a folder that holds the link/);
    assert.match(result.stderr, /The build stopped: 6 errors in the content\./);
  });

  it('stops on a page that is a link to a file outside, and shows none of its text', async () => {
    const { input } = workspace('content', { 'index.md': page('Home', 'Welcome.') });
    link(input, 'users.md', '/etc/passwd');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assert.match(result.stderr, /content\/users\.md: error: is a symbolic link to \/etc\/passwd, outside the content folder/);
    assert.ok(!result.stderr.includes(PASSWD_LINE), 'the outside file was not read');
  });

  it('follows links to other files and folders of the content, publishing real files', async () => {
    const { input } = workspace('content', {
      'index.md': page('Home', 'Welcome.'),
      'guide/index.md': page('Guide', 'Steps.'),
      // `_`-folders hold no pages: the checklist is a page only where a link puts it.
      '_library/checklist.md': page('Checklist', 'Check every item twice.'),
      'shared/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'shared/pictures/map.png': 'not really a png',
    });
    link(input, 'guide/checklist.md', '../_library/checklist.md');
    // An absolute link into the content: copied as a link, it would point into the source folder.
    link(input, 'guide/logo.svg', path.join(input, 'shared', 'logo.svg'));
    link(input, 'guide/pictures', '../shared/pictures');
    const result = await buildSite(input);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(path.join(result.outputDir, 'guide', 'checklist', 'index.html'), 'utf8'), /Check every item twice\./);
    assert.equal(readFileSync(path.join(result.outputDir, 'guide', 'logo.svg'), 'utf8'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    assert.equal(readFileSync(path.join(result.outputDir, 'guide', 'pictures', 'map.png'), 'utf8'), 'not really a png');
    assertNothingFromOutside(result.outputDir);
  });

  it('does not look into node_modules or dot folders, which the build never reads', async () => {
    const { input } = workspace('content', { 'index.md': page('Home', 'Welcome.') });
    link(input, 'node_modules/pkg/passwd', '/etc/passwd');
    link(input, '.cache/passwd', '/etc/passwd');
    const result = await buildSite(input);
    assert.equal(result.code, 0, result.stderr);
    assertNothingFromOutside(result.outputDir);
  });
  it('stops on links into .git/ and node_modules/, folders the build never reads, naming each', async () => {
    const { input } = workspace('content', { 'index.md': page('Home', 'Welcome.'), 'node_modules/pkg/token.txt': GIT_SECRET });
    gitConfig(input);
    link(input, 'leak.txt', '.git/config');
    link(input, 'guide/git', '../.git');
    link(input, 'guide/token.txt', '../node_modules/pkg/token.txt');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assertNoGitSecret(result);
    assert.match(result.stderr, /content\/leak\.txt: error: is a symbolic link to \.git\/config \([^)]*\): a symbolic link into \.git\/, a folder the build never reads/);
    assert.match(result.stderr, /content\/guide\/git: error: is a symbolic link to \.\.\/\.git \([^)]*\): a symbolic link into \.git\//);
    assert.match(result.stderr, /content\/guide\/token\.txt: error: is a symbolic link to \.\.\/node_modules\/pkg\/token\.txt \([^)]*\): a symbolic link into node_modules\//);
  });
});

const JEKYLL_CONFIG = 'title: Linked guide\ncollections:\n  pages:\n    output: true\n    permalink: /:path/\n';

describe('a Jekyll guide: symbolic links and includes', () => {
  it('stops on links outside in a static folder, _includes/, _data/ and _pages/, naming each', async () => {
    const { root, input } = workspace('site', { '_config.yml': JEKYLL_CONFIG, '_pages/index.md': '---\ntitle: Home\npermalink: /\n---\nWelcome.\n' });
    link(input, 'assets/passwd.txt', '/etc/passwd');
    link(input, '_includes/secret.html', '/etc/passwd');
    link(input, '_data/secret.yml', path.join(root, 'secret.txt'));
    link(input, '_pages/up', '../..');
    link(input, 'assets/gone.png', 'missing.png');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assert.match(result.stderr, /site\/assets\/passwd\.txt: error: is a symbolic link to \/etc\/passwd, outside the content folder/);
    assert.match(result.stderr, /site\/_includes\/secret\.html: error: is a symbolic link to \/etc\/passwd, outside the content folder/);
    assert.match(result.stderr, /site\/_data\/secret\.yml: error: is a symbolic link to \S+secret\.txt, outside the content folder/);
    assert.match(result.stderr, /site\/_pages\/up: error: is a symbolic link to \.\.\/\.\. \([^)]*\), outside the content folder/);
    assert.match(result.stderr, /site\/assets\/gone\.png: error: is a symbolic link to missing\.png, which does not exist/);
  });

  it('stops on includes that climb out of _includes/ or out of the site, naming file and line', async () => {
    const climb = '../'.repeat(12);
    const { input } = workspace('site', {
      '_config.yml': JEKYLL_CONFIG,
      '_includes/note.md': 'A note.',
      '_pages/index.md': `---\ntitle: Home\npermalink: /\n---\nWelcome.\n\n{% include ${climb}etc/passwd %}\n`,
      '_pages/relative.md': `---\ntitle: Relative\n---\nBeside.\n\n{% include_relative ${climb}etc/passwd %}\n`,
    });
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assert.ok(
      result.stderr.includes(`site/_pages/index.md:7: error: \`{% include ${climb}etc/passwd %}\`: ${climb}etc/passwd is outside _includes/; includes are read from _includes/ only, never from outside the site.`),
      result.stderr,
    );
    assert.ok(result.stderr.includes(`site/_pages/relative.md:6: error: \`{% include_relative ${climb}etc/passwd %}\`: ${climb}etc/passwd is outside the site folder`), result.stderr);
    assert.ok(!result.stderr.includes(PASSWD_LINE));
  });

  it('stops on a _config.yml that is a link outside, before reading it', async () => {
    const { input } = workspace('site', { '_pages/index.md': '---\ntitle: Home\n---\nWelcome.\n' });
    link(input, '_config.yml', '/etc/passwd');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assert.match(result.stderr, /site\/_config\.yml: error: is a symbolic link to \/etc\/passwd, outside the content folder/);
  });

  it('follows links inside the site: an include, a data file and a static file', async () => {
    const { input } = workspace('site', {
      '_config.yml': JEKYLL_CONFIG,
      'notes/shared-note.md': 'A shared note.',
      'notes/team.yml': 'lead: Ada\n',
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '_pages/index.md': '---\ntitle: Home\npermalink: /\n---\nWelcome, {{ site.data.team.lead }}.\n\n{% include note.md %}\n',
    });
    link(input, '_includes/note.md', '../notes/shared-note.md');
    link(input, '_data/team.yml', '../notes/team.yml');
    link(input, 'assets/logo-copy.svg', 'logo.svg');
    const result = await buildSite(input);
    assert.equal(result.code, 0, result.stderr);
    const home = readFileSync(path.join(result.outputDir, 'index.html'), 'utf8');
    assert.match(home, /Welcome, Ada\./);
    assert.match(home, /A shared note\./);
    assert.equal(readFileSync(path.join(result.outputDir, 'assets', 'logo-copy.svg'), 'utf8'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    assertNothingFromOutside(result.outputDir);
  });
  it('stops on links into .git/ and on include_relative through .git/, never publishing .git/config', async () => {
    const { input } = workspace('site', {
      '_config.yml': JEKYLL_CONFIG,
      '_pages/index.md': '---\ntitle: Home\npermalink: /\n---\nWelcome.\n\n{% include cfg.html %}\n',
    });
    gitConfig(input);
    link(input, '_includes/cfg.html', '../.git/config');
    link(input, 'leak.txt', '.git/config');
    const result = await buildSite(input);
    assertStoppedCleanly(result);
    assertNoGitSecret(result);
    assert.match(result.stderr, /site\/_includes\/cfg\.html: error: is a symbolic link to \.\.\/\.git\/config \([^)]*\): a symbolic link into \.git\//);
    assert.match(result.stderr, /site\/leak\.txt: error: is a symbolic link to \.git\/config \([^)]*\): a symbolic link into \.git\//);

    const relative = workspace('site', { '_config.yml': JEKYLL_CONFIG, 'index.md': '---\ntitle: Home\n---\nHome.\n\n{% include_relative .git/config %}\n' });
    gitConfig(relative.input);
    const second = await buildSite(relative.input);
    assertStoppedCleanly(second);
    assertNoGitSecret(second);
    assert.match(second.stderr, /site\/index\.md:6: error: `\{% include_relative \.git\/config %\}`: \.git\/config is in \.git\/, a folder the build never reads/);
  });
});
