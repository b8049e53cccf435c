// Every kind of bad content stops the build before anything is written, with a message that
// names the file and line and says how to fix it, and no stack trace.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { STACK_TRACE } from '../helpers/console.ts';
import { buildSite, fixturesDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

interface Expectation {
  /** `file:line: error:` lines that must appear (paths relative to the fixture folder). */
  errors: RegExp[];
  /** Number of errors the summary reports. */
  count: number;
}

const BAD: Record<string, Expectation> = {
  'yaml-syntax-error': { errors: [/rails\.md:3: error: front matter is not valid YAML: .+\n {4}.*quotes/], count: 1 },
  'missing-title': {
    errors: [/no-title\.md:1: error: the page has no `title`\.\n {4}Add a line such as `title: /, /empty-title\.md:3: error: the page `title` is empty/],
    count: 2,
  },
  'unknown-parent': { errors: [/security\/frameworks\.md:3: error: parent "Securty" names no page\.\n {4}Did you mean "Security"\?/], count: 1 },
  'ambiguous-parent': {
    errors: [/unit-tests\.md:3: error: parent "testing" matches 2 pages: \S*ambiguous-parent\/testing-guide\.md and \S*ambiguous-parent\/testing\.md\./],
    count: 1,
  },
  'self-parent': { errors: [/logging\.md:4: error: the page is its own parent/], count: 1 },
  'parent-loop': {
    errors: [/a\.md:3: error: parent loop: "Alpha" \(\S*a\.md\) -> "Gamma" \(\S*c\.md\) -> "Beta" \(\S*b\.md\) -> "Alpha"/, /b\.md:3: error: parent loop/, /c\.md:3: error: parent loop/],
    count: 3,
  },
  'duplicate-sibling-title': {
    errors: [/checklist\.md:2: error: two pages under the same parent have the title "Checklist": (\S*other-checklist\.md and \S*\/checklist\.md|\S*\/checklist\.md and \S*other-checklist\.md)\./],
    count: 1,
  },
  'duplicate-url': {
    errors: [/error: two pages have the URL \/guide\/: \S*guide\.md and \S*guide\/index\.md\./, /moved\.md:3: error: two pages have the URL \/guide\/: /],
    count: 2,
  },
  'reserved-url': {
    errors: [
      /not-found\.md:3: error: the page has the URL \/404\.html, where the generator writes the "Page not found" page\.\n {4}Rename the file or give it another `permalink`\./,
      /search\.md: error: the page has the URL \/search\/, where the generator writes the search page\./,
      /styles\.md:3: error: the page has the URL \/assets\/site\.css, where the generator writes its stylesheet and script\./,
    ],
    count: 3,
  },
  'unservable-url': {
    errors: [
      /c#\.md: error: the page's URL \/c#\/ has a "#", which a browser reads as the start of a fragment: no link can reach the page\.\n {4}Rename the file without `%`, `\?` and `#`, or give it a `permalink`\./,
      /coverage\.md:3: error: the page's URL \/coverage-100%\/ has a "%", which a browser reads as the start of an escape/,
    ],
    count: 2,
  },
  'many-errors': {
    errors: [/bad-yaml\.md:3: error: front matter is not valid YAML/, /no-title\.md:1: error: the page has no `title`/, /lost\.md:3: error: parent "Nowhere at all" names no page/],
    count: 3,
  },
};

const results = new Map<string, RunResult & { outputDir: string }>();
const scratch = scratchFolders();
after(() => scratch.removeAll());

before(async () => {
  const names = [...Object.keys(BAD), 'typo-key', 'liquid-error'];
  const runs = await Promise.all(names.map((name) => buildSite(path.join(fixturesDir, name))));
  names.forEach((name, i) => results.set(name, runs[i]!));
  for (const run of runs) scratch.keep(path.dirname(run.outputDir));
});


describe('bad content stops the build', () => {
  for (const [name, expected] of Object.entries(BAD)) {
    describe(name, () => {
      it('exits non-zero and writes nothing', () => {
        const run = results.get(name)!;
        assert.equal(run.code, 1, run.stderr);
        assert.equal(existsSync(run.outputDir), false, 'no output folder may be created');
        assert.equal(run.stdout, '');
      });

      it('names each file and line, says how to fix it, and shows no stack trace', () => {
        const { stderr } = results.get(name)!;
        for (const pattern of expected.errors) assert.match(stderr, pattern);
        // Files are named as the editor sees them: relative to the project.
        assert.match(stderr, new RegExp(`^test/fixtures/${name}/`, 'm'));
        assert.doesNotMatch(stderr, STACK_TRACE);
        assert.match(stderr, new RegExp(`The build stopped: ${expected.count} errors? in the content\\. Nothing was written\\.`));
      });
    });
  }
});

describe('a key that looks like a typo', () => {
  it('warns with the file, line and a did-you-mean, and the build goes on', () => {
    const run = results.get('typo-key')!;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^test\/fixtures\/typo-key\/child\.md:3: warning: unknown front matter key `parnet`\.\n {4}Did you mean `parent`\?$/m);
    assert.match(run.stderr, /^test\/fixtures\/typo-key\/titled\.md:2: warning: unknown front matter key `titel`\.\n {4}Did you mean `title`\?$/m);
    assert.ok(existsSync(path.join(run.outputDir, 'child', 'index.html')));
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });
});

describe('a page whose Liquid template does not compile', () => {
  it('stops the build naming the file and the line in it, with no stack trace and nothing written', () => {
    const run = results.get('liquid-error')!;
    assert.equal(run.code, 1, run.stderr);
    // Line 8 of the file: Liquid itself counts from the end of the front matter (line 4).
    assert.match(run.stderr, /^test\/fixtures\/liquid-error\/templated\.md:8: error: the page's Liquid template does not compile: tag \{% if reader %\} not closed\.\n {4}.*templateEngineOverride/m);
    assert.match(run.stderr, /The build failed; the published site in .+ is unchanged\./);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assert.doesNotMatch(run.stdout + run.stderr, /\[11ty\]/, 'Eleventy\'s own log (with its stack trace) stays quiet');
    assert.equal(existsSync(run.outputDir), false);
  });
});
