import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { newDoc } from '../../../model/doc.js';
import { cleanArticle } from '../../clean-article.js';
import { assertCleanedAsExpected, type CleanExpected } from '../clean-fixture-test-support.js';
import { extractArticle } from '../extract-article.js';
import { SITE_RULE_FILES, siteRules } from './index.js';
import { parseSiteRule, siteRuleFor } from './site-rule.js';

// Every folder under sites/ is one outlet: rules.json, fixture.html and
// expected.json. This file runs them all, so adding a site is adding a
// folder (and its line in index.ts, which the first test checks).
const root = new URL('./', import.meta.url);
const folders = readdirSync(root)
  .filter((name) => statSync(new URL(name, root)).isDirectory())
  .sort();

// A site's fixture always gives the page URL: the rule is chosen by host.
type Expected = CleanExpected & { input: { url: string; now?: string } };

test('every site folder is listed in index.ts and every rules file is valid', () => {
  assert.deepEqual(SITE_RULE_FILES.map((f) => f.file).sort(), folders.map((name) => `${name}/rules.json`));
  assert.deepEqual(siteRules().map((r) => r.domain).sort(), folders);
});

for (const domain of folders) {
  const dir = new URL(`${domain}/`, root);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;
  const html = readFileSync(new URL('fixture.html', dir), 'utf8');
  const now = new Date(expected.input.now ?? '2024-06-01');

  test(`site ${domain}: its rule cleans the fixture as expected.json says`, async () => {
    const doc = await cleanArticle().run(newDoc(domain, domain, { html, url: expected.input.url, clean: true }), { now });
    assert.equal(doc.extractedBy, expected.strategy ?? `site-rule:${domain}`);
    assertCleanedAsExpected(doc, expected);
    assert.ok(!doc.messages.map((m) => m.rule).includes('clean/site-rule-missed'), 'the rule should find its body on its own fixture');
  });

  // A rule the general cascade does not need is weight with no use: the
  // fixture must show a layout the general cleaner gets at least partly wrong.
  test(`site ${domain}: the general cascade alone misses something on the fixture`, () => {
    const general = extractArticle(html, { url: 'https://unrelated-host.example/story', now });
    const misses = [
      ...expected.with.filter((s) => !general.text.includes(s)),
      ...expected.without.filter((s) => general.text.includes(s)),
      ...(expected.title !== undefined && general.title !== expected.title ? ['title'] : []),
      ...(expected.byline !== undefined && JSON.stringify(general.byline) !== JSON.stringify(expected.byline) ? ['byline'] : []),
      ...(expected.published !== undefined && general.published !== expected.published ? ['published'] : []),
    ];
    assert.ok(misses.length > 0, `the general cascade already gets ${domain}'s fixture right; the site rule is not needed`);
    assert.ok(!general.strategy.startsWith('site-rule:'));
  });
}

test('a rule matches its domain and its subdomains, not look-alike hosts', () => {
  const rules = siteRules();
  const domainOf = (url: string) => siteRuleFor(url, rules)?.domain ?? null;
  assert.equal(domainOf('https://harbor-ledger.example/a'), 'harbor-ledger.example');
  assert.equal(domainOf('https://www.harbor-ledger.example/a'), 'harbor-ledger.example');
  assert.equal(domainOf('https://news.HARBOR-LEDGER.example./a'), 'harbor-ledger.example');
  assert.equal(domainOf('https://notharbor-ledger.example/a'), null);
  assert.equal(domainOf('https://harbor-ledger.example.attacker.test/a'), null);
  assert.equal(domainOf('https://elsewhere.test/harbor-ledger.example/a'), null);
  assert.equal(domainOf('not a url'), null);
  assert.equal(domainOf(''), null);
});

test('the most specific domain wins when rules for a site and its subdomain both match', () => {
  const site = parseSiteRule({ domain: 'tide.example', body: ['.a'] }, 'test');
  const section = parseSiteRule({ domain: 'sport.tide.example', body: ['.b'] }, 'test');
  assert.equal(siteRuleFor('https://www.sport.tide.example/x', [site, section])?.domain, 'sport.tide.example');
  assert.equal(siteRuleFor('https://news.tide.example/x', [site, section])?.domain, 'tide.example');
});

test('a bad rules file is an error naming the file and the problem', () => {
  const file = 'src/stages/clean/sites/bad.example/rules.json';
  assert.throws(() => parseSiteRule({ domain: 'bad.example', body: [] }, file), (e: Error) => e.message.includes(file) && e.message.includes('body'));
  assert.throws(() => parseSiteRule({ domain: 'bad.example', body: ['p['] }, file), /not a valid CSS selector/);
  assert.throws(() => parseSiteRule({ domain: 'Bad Example', body: ['.a'] }, file), /domain/);
  assert.throws(() => parseSiteRule({ domain: 'bad.example', body: ['.a'], remove: [{ selector: '.x', reason: 'ugly' }] }, file), /reason/);
  assert.throws(() => parseSiteRule({ domain: 'bad.example', body: ['.a'], bodySelector: '.b' }, file), /bodySelector/);
});

test('when the rule finds no body the general cascade runs and says the rule missed', () => {
  // The site's page in a layout the rule does not know (a redesign, a live page).
  const paragraphs = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} of the redesigned page tells of the harbour wall repairs, which the commission approved on a vote of five to nothing after a short debate.</p>`).join('');
  const html = `<html><head><title>Harbour wall repairs approved</title></head><body><div class="new-layout"><article>${paragraphs}</article></div></body></html>`;
  const result = extractArticle(html, { url: 'https://www.harbor-ledger.example/port/wall-repairs', now: new Date('2024-06-01') });
  assert.ok(!result.strategy.startsWith('site-rule:'), `got ${result.strategy}`);
  assert.ok(result.text.includes('Paragraph 5 of the redesigned page'));
  const missed = result.messages.find((m) => m.rule === 'clean/site-rule-missed');
  assert.ok(missed, 'a clean/site-rule-missed message');
  assert.equal(missed.severity, 'info');
  assert.match(missed.text, /harbor-ledger\.example/);
});

test('pages on other hosts, or without a URL, never go through a site rule', () => {
  const html = readFileSync(new URL('harbor-ledger.example/fixture.html', root), 'utf8');
  for (const url of [undefined, 'https://elsewhere.test/port/x', 'file:///tmp/page.html']) {
    const result = extractArticle(html, { url, now: new Date('2024-06-01') });
    assert.ok(!result.strategy.startsWith('site-rule:'), `${url}: ${result.strategy}`);
    assert.ok(!result.messages.some((m) => m.rule === 'clean/site-rule-missed'));
  }
});
