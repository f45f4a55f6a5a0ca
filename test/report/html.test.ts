/**
 * report.html opens in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) without any network
 * request, and the numbers it shows are the ones in report.json.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator';
import { execute } from '../../src/cli/execute';
import { check } from '../../src/check';
import { Redactor } from '../../src/report';
import { htmlReporter, TEMPLATE_CANDIDATES, templatePath } from '../../src/report/html';
import { jsonReporter } from '../../src/report/json';
import { fail, pass, request, run, skip } from './trees';
import { localEnvironment, passwordCollection } from '../e2e/fixtures';
import { ROOT, tempDir } from '../helpers';

const CHROMIUM = '/usr/bin/chromium';

interface JsonReport {
  summary: {
    verdict: string;
    requests: Record<'total' | 'passed' | 'failed' | 'errored', number>;
    assertions: Record<'total' | 'passed' | 'failed' | 'skipped', number>;
    errors: number;
  };
  durationMs: number;
  apiUsage: { used?: number; max?: number } | null;
  requests: Array<{ name: string; verdict: string; response?: { code: number; timeMs: number }; durationMs: number; assertions: Array<{ passed: boolean; skipped: boolean }>; errors: unknown[] }>;
}

async function writeReports(override: Parameters<typeof localEnvironment>[1]): Promise<string> {
  const emu = await startEmulator();
  try {
    const out = tempDir('sfcheck-html-');
    await execute({
      collection: passwordCollection(),
      environment: localEnvironment(emu, override),
      engine: 'native',
      reporters: ['json', 'html'],
      outDir: out,
      color: false,
      write: () => undefined,
    });
    return out;
  } finally {
    await emu.close();
  }
}

/** Skipped checks, a network error, a script error and two iterations: what the emulator runs do not produce. */
function writeTreeReports(): string {
  const out = tempDir('sfcheck-html-tree-');
  const tree = run([
    request({ name: 'Token', iteration: 1, tests: [pass('status is 200'), skip('later')] }),
    request({ name: 'Query', iteration: 1, response: undefined, tests: [fail('status is 200')], errors: [{ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' }] }),
    request({ name: 'Token', iteration: 2, tests: [pass('status is 200'), fail('status is 200', "expected 'a' to equal 'b'")] }),
    request({ name: 'Query', iteration: 2, durationMs: 90, tests: [pass('x')], errors: [{ kind: 'script', phase: 'test', message: 'TypeError: boom' }] }),
  ]);
  const ctx = { outDir: out, redactor: new Redactor(), write: () => undefined, color: false };
  const checked = check(tree);
  void jsonReporter(ctx).onChecked?.(checked);
  void htmlReporter(ctx).onChecked?.(checked);
  return out;
}

describe('HTML report', function () {
  this.timeout(60_000);

  it('the template is a real file, found from the compiled code', () => {
    assert.equal(templatePath(), TEMPLATE_CANDIDATES.find((p) => existsSync(p)));
    assert.equal(templatePath(), join(ROOT, 'src', 'report', 'templates', 'report.html'));
  });

  describe('in headless Chromium', () => {
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports
    let browser: import('playwright-core').Browser | undefined;
    before(async function () {
      if (!existsSync(CHROMIUM)) {
        process.stderr.write(`    ${CHROMIUM} not installed (apt-get install chromium, as .ci/run does): browser tests skipped\n`);
        this.skip();
      }
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    });
    after(async () => {
      await browser?.close();
    });

    for (const [label, make] of [
      ['a passing run against the emulator', () => writeReports({})],
      ['a failing run against the emulator (wrong password)', () => writeReports({ password: 'wrong-password-2' })],
      ['a hand-built run with skips, errors and two iterations', () => Promise.resolve(writeTreeReports())],
    ] as const) {
      it(`${label}: shows the numbers of report.json, loads nothing from the network`, async () => {
        const out = await make();
        const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as JsonReport;
        const html = readFileSync(join(out, 'report.html'), 'utf8');
        assert.ok(!html.includes('wrong-password-2'), 'the password is redacted');
        assert.doesNotMatch(html, /<script|<link|https?:\/\/(?!127\.0\.0\.1)[^"'\s<]*\.(?:css|js|woff2?|png)/i, 'self-contained');

        assert.ok(browser);
        const page = await browser.newPage();
        const fetched: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) fetched.push(r.url());
        });
        await page.goto(`file://${join(out, 'report.html')}`);
        const k = async (key: string) => (await page.locator(`[data-k="${key}"]`).textContent())?.trim();
        const s = json.summary;
        assert.equal(await k('verdict'), s.verdict);
        for (const key of ['total', 'passed', 'failed', 'errored'] as const) assert.equal(await k(`requests-${key}`), String(s.requests[key]));
        for (const key of ['total', 'passed', 'failed', 'skipped'] as const) assert.equal(await k(`assertions-${key}`), String(s.assertions[key]));
        assert.equal(await k('errors'), String(s.errors));
        assert.equal(await k('duration-ms'), String(Math.round(json.durationMs)));
        const usage = json.apiUsage ? `${json.apiUsage.used}/${json.apiUsage.max}` : 'not reported';
        assert.ok((await k('api-usage'))?.startsWith(usage), `api usage ${usage}`);

        const rows = page.locator('tr[data-request]');
        assert.equal(await rows.count(), json.requests.length);
        for (const [i, r] of json.requests.entries()) {
          const row = rows.nth(i);
          assert.equal(await row.getAttribute('data-verdict'), r.verdict);
          assert.ok((await row.locator('[data-col="name"]').textContent())?.includes(r.name));
          assert.equal(await row.locator('[data-col="code"]').textContent(), r.response ? String(r.response.code) : '—');
          assert.equal(await row.locator('[data-col="time"]').textContent(), r.response ? String(Math.round(r.response.timeMs)) : '—');
          const passed = r.assertions.filter((a) => a.passed && !a.skipped).length;
          assert.equal(await row.locator('[data-col="assertions"]').textContent(), `${passed}/${r.assertions.length}`);
          assert.equal(await page.locator(`[data-bar="${i}"] [data-ms]`).getAttribute('data-ms'), String(Math.round(r.durationMs)));
        }
        const failing = json.requests.reduce((n, r) => n + r.assertions.filter((a) => !a.passed && !a.skipped).length + r.errors.length, 0);
        assert.equal(await page.locator('[data-failure]').count(), failing);
        assert.equal(await page.locator('[data-assertion]').count(), s.assertions.total);
        assert.equal(await page.locator('[data-assertion="failed"]').count(), s.assertions.failed);
        assert.equal(await page.locator('[data-assertion="skipped"]').count(), s.assertions.skipped);
        assert.deepEqual(fetched, [], 'no network request');
        await page.close();
      });
    }
  });
});
