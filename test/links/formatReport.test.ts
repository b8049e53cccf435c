import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LinkBreak } from '../../src/links/attributeBreaks.ts';
import { formatGithub, formatJson, formatText, type LinkReport } from '../../src/links/formatReport.ts';

const base = { severity: 'error' as const, kind: 'link' as const, pages: ['/a/'] };
const report: LinkReport = {
  breaks: [
    { ...base, file: 'content/b.md', line: 3, href: '#x', problem: 'no-anchor', message: 'broken link #x: this page has no heading or anchor #x.', suggestion: '#y' },
    { ...base, file: 'layouts/page.11ty.ts', href: '/gone/', problem: 'no-page', message: 'broken link /gone/: there is no page /gone/.', pages: ['/a/', '/b/', '/c/', '/d/'] },
    { ...base, file: 'content/a, 100%.md', line: 7, href: 'z/', problem: 'no-page', message: 'broken link z/: there is no page /a/z/.' },
    { ...base, severity: 'warning', file: 'content/b.md', line: 1, href: 'http://x.test/', problem: 'moved', message: 'link http://x.test/ has moved permanently.', suggestion: 'https://x.test/' },
  ] satisfies LinkBreak[],
  stats: { pages: 4, links: 40, targets: 9, externals: 1, ms: 1234 },
};

describe('link reports', () => {
  it('groups breaks by file, in line order, each with its fix, then sums up', () => {
    assert.equal(
      formatText(report),
      [
        'content/a, 100%.md (1 broken link)',
        'content/a, 100%.md:7: error: broken link z/: there is no page /a/z/.',
        '',
        'content/b.md (1 broken link, 1 warning)',
        'content/b.md:3: error: broken link #x: this page has no heading or anchor #x.',
        '    Did you mean #y?',
        'content/b.md:1: warning: link http://x.test/ has moved permanently.',
        '    Link to https://x.test/ instead.',
        '',
        'layouts/page.11ty.ts (1 broken link)',
        'layouts/page.11ty.ts: error: broken link /gone/: there is no page /gone/ (on 4 pages: /a/, /b/, /c/, …).',
        '',
        '3 broken links in 3 files, 1 warning (checked 40 links on 4 pages and 1 external URLs in 1.23 s).',
      ].join('\n'),
    );
  });

  it('as build warnings, every line is a warning', () => {
    assert.ok(!formatText(report, { asWarnings: true }).includes(': error:'));
  });

  it('writes GitHub workflow commands with properties and data escaped', () => {
    const lines = formatGithub(report).split('\n');
    assert.equal(lines[0], '::error file=content/a%2C 100%25.md,line=7,title=Broken link::broken link z/: there is no page /a/z/.');
    assert.equal(lines[3], '::error file=layouts/page.11ty.ts,title=Broken link::broken link /gone/: there is no page /gone/ (on 4 pages: /a/, /b/, /c/, …).');
    assert.equal(lines[1], '::warning file=content/b.md,line=1,title=Link to update::link http://x.test/ has moved permanently. Link to https://x.test/ instead.');
  });

  it('JSON says whether the site passed', () => {
    const json = JSON.parse(formatJson(report)) as { ok: boolean; breaks: unknown[]; stats: { links: number } };
    assert.equal(json.ok, false);
    assert.equal(json.breaks.length, 4);
    assert.equal((JSON.parse(formatJson({ ...report, breaks: [report.breaks[3]!] })) as { ok: boolean }).ok, true);
  });
});
