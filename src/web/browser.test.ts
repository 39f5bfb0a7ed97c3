import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../cli/main.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { serve, type RunningServer } from './serve.js';

/** Debian's package, installed by scripts/setup-browser.sh; never a Playwright download. */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const TOKEN = 'browser-test-token';

const missing = existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed; run scripts/setup-browser.sh`;
if (missing && process.env.CI === 'true') {
  // Under CI a skipped browser test would hide a broken UI.
  describe('web UI in a browser', () => it('has chromium', () => assert.fail(missing)));
} else {
  describe('web UI in a browser', { skip: missing ?? false }, () => {
    let dir: string;
    let store: Store;
    let server: RunningServer;
    let browser: Browser;
    const cspViolations: string[] = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'crosscheck-browser-'));
      const db = join(dir, 'sample.db');
      const sink = new PassThrough();
      sink.resume();
      // The real pipeline on the bundled sample, through the CLI as a user would run it.
      const code = await main(['ingest', 'sample', '--db', db], { stdout: sink, stderr: sink, stdin: new PassThrough(), env: {} });
      assert.equal(code, 0, 'ingest sample');
      store = await openStore(db);
      server = await serve(store, { port: 0, token: TOKEN, onError: () => {} });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      mkdirSync(ARTIFACTS, { recursive: true });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function newPage(width = 1280, height = 900): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height } });
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      return page;
    }

    it('goes from the stories list to a story, to a discrepancy, to the highlighted sentence', async () => {
      const page = await newPage();
      try {
        await page.goto(`${server.url}/`);
        await page.screenshot({ path: join(ARTIFACTS, '1-stories.png'), fullPage: true });
        const row = page.locator('table.stories tbody tr', { has: page.locator('.badge.differs') }).first();
        const title = (await row.locator('a').first().textContent())!;
        await row.locator('a').first().click();
        await page.waitForURL(/\/stories\//);
        assert.equal(await page.locator('h1').textContent(), title);
        assert.ok(await page.locator('svg.timeline circle.event').count() > 0, 'the timeline plots events');
        await page.screenshot({ path: join(ARTIFACTS, '2-story.png'), fullPage: true });

        const differing = page.locator('table.figures tr.discrepancy td.differs a').first();
        const figureText = (await differing.getAttribute('title'))!;
        await differing.click();
        await page.waitForURL(/\/articles\/[^#]+#f-\d+$/);
        const target = page.locator(':target');
        assert.equal(await target.count(), 1);
        assert.match((await target.getAttribute('class'))!, /\bhl-figure\b/);
        assert.equal(await target.textContent(), figureText);
        assert.ok(await target.isVisible());
        const box = (await target.boundingBox())!;
        assert.ok(box.y >= 0 && box.y < 900, `the highlighted figure is scrolled into view (y=${box.y})`);
        assert.notEqual(await target.evaluate((el) => getComputedStyle(el).outlineStyle), 'none', ':target is outlined');
        await page.screenshot({ path: join(ARTIFACTS, '3-article-target.png') });

        // CSS-only toggles: unticking "Figures" removes their highlight.
        const before = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
        await page.locator('#show-f').uncheck();
        const afterToggle = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.notEqual(before, afterToggle);
        assert.equal(afterToggle, 'rgba(0, 0, 0, 0)');
      } finally {
        await page.close();
      }
    });

    it('is usable by keyboard with a visible focus, and fits a narrow screen', async () => {
      const page = await newPage(375, 740);
      try {
        await page.goto(`${server.url}/`);
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
        assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'solid');
        // Tab to the first story link and follow it with Enter.
        let guard = 0;
        while (!(await page.evaluate(() => document.activeElement?.closest('table.stories') !== null)) && guard++ < 30) await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/stories\//);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `no horizontal scrolling of the page at 375px (overflow ${overflow}px)`);
        await page.screenshot({ path: join(ARTIFACTS, '4-story-narrow.png'), fullPage: true });
        for (const input of await page.locator('input').all()) {
          const labelled = await input.evaluate((el) => (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('type') === 'hidden');
          assert.ok(labelled, 'every input has a label');
        }
      } finally {
        await page.close();
      }
    });

    it('runs none of the script payloads in ingested titles, outlets and texts', async () => {
      const payload = `<script>window.__xss = 1; alert(1)</script><img src=x onerror="window.__xss = 2; alert(2)">`;
      const text = (n: number): string =>
        `Officials in Marrowvale said ${n === 1 ? 120 : 150} homes were flooded on Tuesday. ${payload} "We will rebuild <b onmouseover=alert(3)>every street</b>," Mayor Ilse Varnholt said. <svg onload="window.__xss = 4"></svg>`;
      const articles = [1, 2].map((n) => ({
        id: `xss-${n}`,
        title: `Flood ${payload}`,
        outlet: `Outlet${n} <img src=x onerror=alert(5)>`,
        byline: [`"><script>window.__xss = 6</script>`],
        published: '2031-04-0' + (n + 2),
        text: text(n),
        clean: false,
      }));
      const response = await fetch(`${server.url}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ articles }),
      });
      assert.equal(response.status, 200, await response.clone().text());
      const stories = (await (await fetch(`${server.url}/api/stories?outlet=${encodeURIComponent(articles[0]!.outlet)}`)).json()) as { items: { id: string }[] };
      assert.ok(stories.items.length > 0, 'the payload articles form a story');

      const page = await newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      try {
        for (const path of ['/', `/stories/${encodeURIComponent(stories.items[0]!.id)}`, '/articles/xss-1', '/articles/xss-2', '/search?q=Marrowvale']) {
          await page.goto(`${server.url}${path}`);
          // Sweep the pointer over the page so that any onmouseover that slipped through would fire.
          for (let y = 0; y < 900; y += 60) await page.mouse.move(640, y, { steps: 2 });
          assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, path);
          assert.equal(await page.locator('script, img, svg[onload], b').count(), 0, `${path}: no payload element was created`);
        }
        await page.goto(`${server.url}/articles/xss-1`);
        assert.match((await page.locator('h1').textContent())!, /<script>window.__xss = 1/);
        assert.match((await page.locator('.text').textContent())!, /<img src=x onerror=/);
        await page.screenshot({ path: join(ARTIFACTS, '5-xss-article.png') });
        assert.deepEqual(dialogs, []);
        assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations on any page');
      } finally {
        await page.close();
      }
    });
  });
}
