/**
 * The pages in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * Without /usr/bin/chromium (or CHROMIUM_PATH) these tests skip with one line and the rest of the
 * suite runs. Screenshots go to .scratch/screenshots/ (git-ignored) for a person to look at.
 */
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, startTestApp, TestApp } from '../support/test-app';
import { reviewerToken, seedWebEvidence } from '../support/web-fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(__dirname, '..', '..', '.scratch', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

if (!HAVE_CHROMIUM) process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;

/** Console errors and failed or refused requests of a page, collected while it is used. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // net::ERR_ABORTED is Chromium cancelling a request because the page itself navigated away
  // (a late icon fetch when a test moves on); a request the server or the CSP refused shows as
  // another error code, or as a status >= 400 below.
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${error}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

/** Serious or critical axe-core violations on the page as loaded (axe runs through evaluate, not a script tag, so the CSP stays strict). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run(ctx: unknown): Promise<any> }; document: unknown };
    return g.axe.run(g.document);
  });
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeInBrowser('web pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    t = await startTestApp();
    await seedWebEvidence(t);
    await api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST' });
    token = await reviewerToken(t);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    return { context, page, problems: watch(page) };
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/review`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('[data-desk]');
  }

  it.each(['/', '/trends/compute-clusters', '/digests', '/review', '/?lang=zh'])(
    'loads %s with no console errors, no failed requests and no serious accessibility violations',
    async (path) => {
      const { context, page, problems } = await open(1280);
      await page.goto(`${t.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it('shows a stale link as a page in the site layout, with no serious accessibility violations', async () => {
    const { context, page } = await open(1280);
    const response = await page.goto(`${t.baseUrl}/trends/no-such-prediction`);
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('There is no such page');
    expect(await page.locator('nav a').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows ten predictions with their charts on the scorecard', async () => {
    const { context, page } = await open(1280);
    await page.goto(`${t.baseUrl}/`);
    expect(await page.locator('li.card').count()).toBe(10);
    expect(await page.locator('li.card .spark svg').count()).toBe(10);
    expect(await page.locator('li.card .bar svg').count()).toBe(10);
    const box = await page.locator('li.card .spark svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    await context.close();
  });

  it('signs in, accepts an item with the keyboard, and the scorecard counts it', async () => {
    const { context, page, problems } = await open(1280);
    const accepted = async () =>
      Number(await page.locator('li.card[data-slug] [data-field="counts"]').first().getAttribute('data-accepted'));
    await page.goto(`${t.baseUrl}/`);
    const before = await accepted();
    await signIn(page);
    await page.goto(`${t.baseUrl}/review?trend=compute-clusters&view=one`);
    expect(await seriousViolations(page)).toEqual([]);
    const id = await page.locator('[data-item]').first().getAttribute('data-item');
    await Promise.all([page.waitForURL(/done=/), page.keyboard.press('a')]);
    expect(page.url()).toContain(`done=${id}`);
    await page.goto(`${t.baseUrl}/`);
    expect(await accepted()).toBe(before + 1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('flips the stance with f, rejects with r and undoes with u', async () => {
    const { context, page } = await open(1280);
    await signIn(page);
    await page.goto(`${t.baseUrl}/review?trend=open-source-models&view=one`);
    const id = await page.locator('[data-item]').first().getAttribute('data-item');
    const stance = await page.locator('select[data-stance]').inputValue();
    await page.keyboard.press('f');
    expect(await page.locator('select[data-stance]').inputValue()).not.toBe(stance);
    await Promise.all([page.waitForURL(/done=/), page.keyboard.press('r')]);
    const decided = (await api(t.baseUrl, `/api/admin/evidence/${id}`)).body;
    expect(decided).toMatchObject({ status: 'rejected' });
    expect(decided.stance).not.toBe(stance);
    await Promise.all([page.waitForURL(/done=u/), page.keyboard.press('u')]);
    expect((await api(t.baseUrl, `/api/admin/evidence/${id}`)).body).toMatchObject({ status: 'pending', stance });
    await context.close();
  });

  it('ends the session on sign-out', async () => {
    const { context, page } = await open(1280);
    await signIn(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForSelector('form[action="/review/sign-in"]');
    expect((await context.cookies()).find((c) => c.name === 'sc_session')).toBeUndefined();
    await page.goto(`${t.baseUrl}/review`);
    expect(await page.locator('[data-desk]').count()).toBe(0);
    await context.close();
  });

  it('refuses a form whose CSRF token was removed', async () => {
    const { context, page } = await open(1280);
    await signIn(page);
    await page.goto(`${t.baseUrl}/review?view=one`);
    await page.locator('form[data-decide] input[name="_csrf"]').evaluate((input) => input.remove());
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/review/decide')),
      page.locator('form[data-decide] button[value="accept"]').click(),
    ]);
    expect(response.status()).toBe(400);
    await page.goto(`${t.baseUrl}/review?view=one`);
    await page.locator('form[data-decide] input[name="_csrf"]').evaluate((input) => {
      (input as unknown as { value: string }).value = 'forged';
    });
    const [forged] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/review/decide')),
      page.locator('form[data-decide] button[value="accept"]').click(),
    ]);
    expect(forged.status()).toBe(403);
    await context.close();
  });

  it.each([1280, 390])('writes screenshots of /, a prediction and the desk at %i px', async (width) => {
    const { context, page } = await open(width);
    await page.goto(`${t.baseUrl}/`);
    await page.screenshot({ path: join(SCREENSHOTS, `scorecard-top-${width}.png`) });
    for (const [name, path] of [
      ['scorecard', '/'],
      ['trend', '/trends/compute-clusters'],
    ] as const) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await signIn(page);
    await page.goto(`${t.baseUrl}/review?view=one`);
    await page.screenshot({ path: join(SCREENSHOTS, `review-${width}.png`), fullPage: true });
    expect(existsSync(join(SCREENSHOTS, `review-${width}.png`))).toBe(true);
    await context.close();
  });
});
