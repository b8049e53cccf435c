import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeadingIdAllocator, slugifyHeading } from '../../src/markdown/headingIds.ts';

describe('slugifyHeading', () => {
  it('makes ids as GitHub and kramdown (GFM) do', () => {
    const cases: [string, string][] = [
      ['Python', 'python'],
      ['Other Ruby frameworks', 'other-ruby-frameworks'],
      ['Sinatra/Padrino', 'sinatrapadrino'],
      ['Über Café', 'über-café'],
      ['Step 3 — Document', 'step-3--document'],
      ['C++ & C#', 'c--c'],
      ['snake_case names', 'snake_case-names'],
      ['What is `eval`?', 'what-is-eval'],
      ['Testing, linting: a guide', 'testing-linting-a-guide'],
      ['日本語 見出し', '日本語-見出し'],
      ['  Padded  ', 'padded'],
      ['already-hyphenated--twice', 'already-hyphenated--twice'],
    ];
    for (const [text, id] of cases) assert.equal(slugifyHeading(text), id, text);
  });
});

describe('HeadingIdAllocator', () => {
  it('numbers a repeated heading from 1, as GitHub does', () => {
    const ids = new HeadingIdAllocator();
    assert.deepEqual(['Python', 'Rails', 'Python', 'python', 'PYTHON'].map((t) => ids.allocate(t)), [
      'python',
      'rails',
      'python-1',
      'python-2',
      'python-3',
    ]);
  });

  it('skips ids the author claimed, and numbers past a heading that looks numbered', () => {
    const ids = new HeadingIdAllocator();
    assert.equal(ids.claim('setup'), true);
    assert.equal(ids.claim('setup'), false, 'a second claim of one id is refused');
    assert.equal(ids.allocate('Setup'), 'setup-1');
    assert.equal(ids.allocate('Python 1'), 'python-1');
    assert.equal(ids.allocate('Python'), 'python');
    assert.equal(ids.allocate('Python'), 'python-2', 'python-1 is taken by "Python 1"');
  });

  it('gives a heading with no letters an id of its own', () => {
    const ids = new HeadingIdAllocator();
    assert.equal(ids.allocate('!!!'), 'section');
    assert.equal(ids.allocate('???'), 'section-1');
  });
});
