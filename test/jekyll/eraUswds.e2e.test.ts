import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { brokenLinks } from './renderGuide.ts';

// A later guide on uswds-jekyll: Markdown at the root in folders, sidebars from
// _data/navigation.yml chosen by `sidenav:` (partly through defaults), relative_url, a loop over
// site.data, an include with markdownify, a 404 page and an HTML page template.
const guide = path.join(fixturesDir, 'jekyll-uswds');

describe('a uswds-jekyll guide', () => {
  let built: Awaited<ReturnType<typeof buildSite>>;
  const page = (url: string) => readFileSync(path.join(built.outputDir, url, 'index.html'), 'utf8');
  const sidebar = (url: string) =>
    [.../<nav class="site-nav"[\s\S]*?<\/nav>/.exec(page(url))![0].matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);

  before(async () => {
    built = await buildSite(guide, ['--report']);
  });

  it('builds with no error', () => {
    assert.equal(built.code, 0, built.stderr);
    assert.ok(existsSync(path.join(built.outputDir, 'images', 'process.svg')));
  });

  it('builds the tree from the sidenav lists, in list order, with the external link', () => {
    assert.deepEqual(sidebar('research/surveys'), [
      'Field Research Guide /field-guide/',
      'Design /field-guide/design/',
      'Research /field-guide/research/',
      // The research list names Surveys before Interviews.
      'Surveys /field-guide/research/surveys/',
      'Interviews /field-guide/research/interviews/',
    ]);
    assert.deepEqual(sidebar('design/prototyping'), [
      'Field Research Guide /field-guide/',
      'Design /field-guide/design/',
      'Prototyping /field-guide/design/prototyping/',
      'Usability standards https://standards.example.gov/usability/',
      'Research /field-guide/research/',
    ]);
    assert.match(built.stdout, /5 placed by _data\/navigation\.yml \(sidenav\)/);
  });

  it('reports a navigation entry with no page behind it, not inventing one', () => {
    assert.match(built.stderr, /jekyll-uswds\/_data\/navigation\.yml:16: warning: navigation entry "Recruiting participants" \(\/research\/recruiting\/\) has no page/);
    assert.ok(!existsSync(path.join(built.outputDir, 'research', 'recruiting')));
  });

  it('renders relative_url, site.baseurl, loops over site.data and markdownify', () => {
    assert.match(page('research'), /<a href="\/field-guide\/research\/surveys\/">surveys<\/a>/);
    assert.match(page('research'), /<a href="\/field-guide\/research\/interviews">interviews<\/a>/);
    assert.match(page(''), /<a href="\/field-guide\/research\/">Research<\/a>[\s\S]*<a href="\/field-guide\/design\/">Design<\/a>/);
    assert.match(page('research/interviews'), /<p class="usa-alert__text"><\/p><p>Always ask for <strong>consent<\/strong> before recording\.<\/p>/);
    assert.match(page('design'), /<img src="\/field-guide\/images\/process\.svg" alt="How research feeds design">/);
  });

  it('renders Markdown inside HTML blocks marked markdown="1" (its line numbers: eraUswds.test.ts)', () => {
    assert.match(page('research/surveys'), /<div class="usa-alert usa-alert--warning">\s*<p><strong>Tip:<\/strong> pilot the survey/);
  });

  it('reports what it did not carry over', () => {
    assert.match(built.stdout, /search\.html\n {2}not converted: a page template written in HTML/);
    assert.match(built.stdout, /404\.md\n {2}not converted: its URL \/404\.html is the generator's own page/);
    assert.match(built.stdout, /front matter `subnav` was for the Jekyll layout/);
  });

  it('reports exactly the broken links planted, with file and line', async () => {
    assert.deepEqual(await brokenLinks(guide, built.outputDir), [{ at: 'test/fixtures/jekyll-uswds/design/prototyping.md:7', href: '/design/sketching/' }]);
  });
});
