/**
 * UI benchmark (web mode, production build): prints figures, asserts nothing.
 *   npm run bench:ui
 * Builds out/web, serves it with `vite preview` on 127.0.0.1:4176 and drives Debian's Chromium
 * through the UI (Monaco paste + Ctrl+Enter), as a learner would. Targets are issue 4's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from '../../e2e/fixtures/chromium';
import { workload } from '../engine/workload';

const ROOT = join(import.meta.dirname, '../..');
// Not 4190: that is on the browsers' unsafe-port list (ManageSieve).
const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}/`;
const APPLIES = 50;

declare global {
  interface Window {
    /** Sizes (JSON characters) of the worker's `changed` events, with their arrival time. */
    __svclabChanged?: { t: number; bytes: number }[];
    /** performance.now() when the editor's text area was first visible. */
    __svclabEditorReady?: number;
    __svclabWait?: Promise<number>;
  }
}

/** Runs in every page before the app: counts `changed` event bytes and notes when the editor shows. */
function initScript(): void {
  window.__svclabChanged = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { kind?: string; event?: string } | undefined;
        if (d && d.kind === 'event' && d.event === 'changed') window.__svclabChanged!.push({ t: performance.now(), bytes: JSON.stringify(d).length });
      });
    }
  };
  const check = (): boolean => {
    const el = document.querySelector('.monaco-editor .view-lines');
    if (el && el.getBoundingClientRect().height > 0) {
      window.__svclabEditorReady = performance.now();
      return true;
    }
    return false;
  };
  // Checked every frame from the first one: the time is the frame in which the editor is drawn.
  const poll = (): void => {
    if (!check()) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

function startServer(): ChildProcess {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  return spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => get(BASE, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false)));
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: BASE });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // tsx compiles with keepNames: functions passed to the page call a `__name` helper the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('engine-status').filter({ hasText: 'web' }).waitFor();
  await page.locator('.monaco-editor .view-lines').waitFor();
  return page;
}

/** Pastes `text` into the active editor file (as e2e/pages/app-page.ts does). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const last = text.trimEnd().split('\n').at(-1)!.trim();
  await page.waitForFunction((l) => (document.querySelector('.monaco-editor .view-lines') as HTMLElement).innerText.replace(/\u00a0/g, ' ').includes(l), last, { timeout: 60_000 });
}

async function applyEditor(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Enter');
}

async function applyText(page: Page, text: string): Promise<void> {
  await paste(page, text);
  const before = await page.evaluate(() => performance.getEntriesByName('svclab:apply-start').length);
  await applyEditor(page);
  await page.waitForFunction((n) => performance.getEntriesByName('svclab:apply-start').length > n, before);
  await page.getByTestId('apply-result').waitFor();
}

/** Waits until no `changed` event has arrived for `quietMs` (pods have finished starting). */
async function settle(page: Page, quietMs = 1500, maxMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    const age = await page.evaluate(() => performance.now() - (window.__svclabChanged!.at(-1)?.t ?? 0));
    if (age >= quietMs) return;
    await page.waitForTimeout(250);
  }
}

const serviceDoc = (name: string): string =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', '    app: app0', '  ports:', '  - name: http', '    port: 80', '    targetPort: 8080'].join('\n');

/**
 * Arms a MutationObserver for the new Service in the current view (topology node or DNS row), then
 * resolves with ms from the last 'svclab:apply-start' mark to the animation frame after it appears.
 */
async function armWait(page: Page, name: string, view: 'topology' | 'dns'): Promise<void> {
  await page.evaluate(
    ({ name, view }) => {
      window.__svclabWait = new Promise<number>((resolve) => {
        const fqdn = `${name}.default.svc.cluster.local.`;
        const found = (): boolean =>
          view === 'topology'
            ? document.querySelector(`[data-testid="topology-node"][data-id="Service/default/${name}"]`) !== null
            : [...document.querySelectorAll('[data-testid="dns-row"] td.name')].some((td) => td.textContent?.trim() === fqdn);
        const done = (): void => {
          obs.disconnect();
          requestAnimationFrame(() => {
            const mark = performance.getEntriesByName('svclab:apply-start').at(-1)!;
            resolve(performance.now() - mark.startTime);
          });
        };
        const obs = new MutationObserver(() => {
          if (found()) done();
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    },
    { name, view },
  );
}

async function runTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal-pane').locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * 50 applies of a new Service, each timed to the screen; `deleteAfter` keeps the object count flat.
 * `via: 'script'` applies with a script's click on the Apply button instead of Ctrl+Enter: after
 * real input Chromium holds other tasks (the worker's reply among them) until it has drawn a frame,
 * so a key press costs up to one extra frame that the app cannot avoid; this variant shows the rest.
 */
async function applyLatency(page: Page, view: 'topology' | 'dns', tag: string, deleteAfter: boolean, via: 'keyboard' | 'script' = 'keyboard'): Promise<number[]> {
  await page.getByTestId(`view-${view}`).click();
  await page.getByTestId(view === 'dns' ? 'dns-table' : 'topology').waitFor();
  const samples: number[] = [];
  for (let i = 0; i < APPLIES; i++) {
    const name = `bench-${tag}-${view}-${i}`;
    await paste(page, serviceDoc(name));
    await armWait(page, name, view);
    if (via === 'script') await page.getByTestId('editor-apply').evaluate((b: HTMLButtonElement) => b.click());
    else await applyEditor(page);
    samples.push(await page.evaluate(() => window.__svclabWait!));
    if (deleteAfter) {
      await runTerminal(page, `kubectl delete svc ${name}`);
      await page.waitForFunction(
        (name) =>
          document.querySelector(`[data-testid="topology-node"][data-id="Service/default/${name}"]`) === null &&
          ![...document.querySelectorAll('[data-testid="dns-row"] td.name')].some((td) => td.textContent?.trim() === `${name}.default.svc.cluster.local.`),
        name,
        { timeout: 10_000 },
      );
    }
  }
  return samples;
}

function printLatency(label: string, samples: number[], target: number): void {
  console.log(`${label}: p50 ${pct(samples, 50).toFixed(1)} ms, p95 ${pct(samples, 95).toFixed(1)} ms over ${samples.length} applies [target p95 ≤ ${target} ms]`);
}

const changedBytesSince = (page: Page, since: number, until = Infinity): Promise<{ n: number; bytes: number }> =>
  page.evaluate(
    ({ since, until }) => {
      const xs = window.__svclabChanged!.filter((c) => c.t >= since && c.t <= until);
      return { n: xs.length, bytes: xs.reduce((s, c) => s + c.bytes, 0) };
    },
    { since, until },
  );

/**
 * Used heap of every dedicated worker (engine, Monaco's editor and YAML workers) by URL: a page's
 * CDP metrics cover the main thread only, so each worker target is asked through the browser
 * session (non-flat attach, since Playwright's CDPSession cannot address a flat child session).
 */
async function workerHeaps(browser: Browser): Promise<{ url: string; used: number }[]> {
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const out: { url: string; used: number }[] = [];
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<number>((resolve) =>
      session.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (e.sessionId === sessionId && m.id === 1) resolve(m.result?.usedSize ?? NaN);
      }),
    );
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    out.push({ url: target.url, used: await reply });
    await session.send('Target.detachFromTarget', { sessionId });
  }
  await session.detach();
  return out;
}

const kb = (b: number): string => `${(b / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const server = startServer();
  let browser: Browser | undefined;
  try {
    await waitForServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs });
    console.log(`UI bench — web mode, production build, ${(await browser.version()).replace(/^/, 'Chromium ')}`);

    // 2. Cold start: navigation start → Monaco's text area visible, 5 fresh contexts.
    {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await openPage(browser);
        await page.waitForFunction(() => window.__svclabEditorReady !== undefined);
        samples.push(await page.evaluate(() => window.__svclabEditorReady!));
        await page.context().close();
      }
      console.log(`Cold start → editor ready: median ${pct(samples, 50).toFixed(0)} ms (runs: ${samples.map((s) => s.toFixed(0)).join(', ')}) [target ≤ 1500 ms]`);
    }

    // 1a + 5a. Classroom scale: 30 pods + 3 Services, then 50 applies of one new Service per view.
    {
      const page = await openPage(browser);
      await settle(page);
      const t0 = await page.evaluate(() => performance.now());
      await applyText(page, workload(30).text);
      const replyT = await page.evaluate(() => performance.now());
      const first = await changedBytesSince(page, t0, replyT);
      await settle(page);
      const all = await changedBytesSince(page, t0);
      console.log(`changed payload, one classroom apply (30 pods + 3 Services): ${kb(first.bytes)} in ${first.n} event(s) by the apply reply; ${kb(all.bytes)} in ${all.n} event(s) until pods settle`);
      const topo = await applyLatency(page, 'topology', 'c', true);
      printLatency('Apply → topology node on screen, classroom (≤ 50 objects)', topo, 16);
      const dns = await applyLatency(page, 'dns', 'c', true);
      printLatency('Apply → DNS row on screen, classroom (≤ 50 objects)', dns, 16);
      const topoScript = await applyLatency(page, 'topology', 's', true, 'script');
      printLatency('  same, topology, applied by a script click (no after-input frame)', topoScript, 16);
      const dnsScript = await applyLatency(page, 'dns', 's', true, 'script');
      printLatency('  same, DNS, applied by a script click (no after-input frame)', dnsScript, 16);
      await page.context().close();
    }

    // 3. Frames per second right after applying 500 pods, topology view.
    {
      const page = await openPage(browser);
      await settle(page);
      await paste(page, workload(500).text);
      await applyEditor(page);
      const frames = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let n = 0;
            const start = performance.now();
            const tick = (now: number): void => {
              n++;
              if (now - start < 2000) requestAnimationFrame(tick);
              else resolve((n / (now - start)) * 1000);
            };
            requestAnimationFrame(tick);
          }),
      );
      const nodes = await page.locator('[data-testid="topology-node"]').count();
      const mode = (await page.getByTestId('topology-canvas').count()) > 0 ? 'canvas' : 'SVG';
      console.log(`Topology fps over 2 s right after applying 500 pods (${nodes} boxes at the end, ${mode}): ${frames.toFixed(1)} fps [target ≥ 50 fps]`);
      await page.context().close();
    }

    // 4 + 5b + 1b. 1,000 pods: heap, a one-pod change's payload, then 50 applies per view.
    {
      const page = await openPage(browser);
      await settle(page);
      const w = workload(1000);
      for (const file of w.files) await applyText(page, file);
      await settle(page, 2000, 120_000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const heap = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
      const before = await heap();
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await heap();
      const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;
      const workers = await workerHeaps(browser);
      const engine = workers.filter((x) => /web-worker/.test(x.url)).reduce((n, x) => n + x.used, 0);
      const others = workers.filter((x) => !/web-worker/.test(x.url)).reduce((n, x) => n + x.used, 0);
      console.log(`JS heap after 1,000 pods (${w.services} Services, topology view), page main thread: ${mb(before)} used, ${mb(after)} after a forced GC [target ≤ 150 MB]`);
      console.log(`  + engine worker ${mb(engine)}, Monaco workers ${mb(others)} (${workers.length} workers) → page + workers ${mb(after + engine + others)} [target ≤ 150 MB]`);

      const podDoc = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: pod1', '  labels:', '    app: app1', '    tier: bench', 'spec:', '  containers:', '  - name: app', '    image: kubetm/app', '    ports:', '    - containerPort: 8080'].join('\n');
      const t0 = await page.evaluate(() => performance.now());
      await applyText(page, podDoc);
      await page.waitForTimeout(1000);
      const one = await changedBytesSince(page, t0);
      console.log(`changed payload, one-pod change at 1,000 pods (label added to pod1): ${kb(one.bytes)} in ${one.n} event(s) within 1 s`);

      const topo = await applyLatency(page, 'topology', 'k', false);
      printLatency('Apply → topology node on screen, 1,000 pods', topo, 100);
      await page.getByTestId('view-dns').click();
      await page.getByTestId('dns-filter').fill('bench-k-dns');
      const dns = await applyLatency(page, 'dns', 'k', false);
      printLatency('Apply → DNS row on screen, 1,000 pods (table filtered to "bench-k-dns")', dns, 100);
      await page.context().close();
    }
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

await main();
