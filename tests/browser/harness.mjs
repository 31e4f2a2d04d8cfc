// The pieces every browser test needs: the real server on a free port, Debian's Chromium
// driven by playwright-core, axe-core scans, and screenshots under tests/artifacts/browser.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SERVER = process.env.FLAMINGO_BIN ?? path.join(ROOT, 'target/debug/flamingo');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Starts `flamingo` on 127.0.0.1:0 with a fresh data directory and waits for its address.
 * @returns {Promise<{ base: string, stop: () => Promise<void> }>}
 */
export async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flamingo-browser-'));
  const child = spawn(SERVER, ['--bind', '127.0.0.1:0', '--data-dir', dataDir], {
    env: { ...process.env, FLAMINGO_LOG: 'info', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 20 s:\n${log}`)), 20_000);
    const read = (/** @type {Buffer} */ chunk) => {
      log += chunk.toString();
      const m = log.replace(/\x1b\[[0-9;]*m/g, '').match(/addr=(127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`http://${m[1]}`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${log}`)));
  });
  return {
    base,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Records what would show up as a broken page: uncaught exceptions and CSP refusals.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string[]} problems
 */
export function watch(page, name, problems) {
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Uncaught/i.test(m.text())) problems.push(`${name}: ${m.text()}`);
  });
}

/**
 * Runs axe-core in the page and returns the serious and critical violations, described.
 * Evaluated through the debugging protocol, so the page's CSP (no inline scripts) stays on.
 * @param {import('playwright-core').Page} page
 */
export async function seriousViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // @ts-ignore axe is the global the source above defines
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Fails the test when axe finds a serious or critical violation in the page's current state.
 * @param {import('playwright-core').Page} page
 * @param {string} view what the page shows, for the failure message
 */
export async function assertAccessible(page, view) {
  assert.deepEqual(await seriousViolations(page), [], `${view}: serious or critical axe violations`);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  // From the top, as a person first sees it (a sticky header would otherwise sit mid-picture).
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * People who are not browsers: websocket clients in one blank page, for a room of 40 or 100.
 * Each joins with the code (as a phone does), stays connected, and can post a note to the
 * table it sits at. Returns the page and its controls.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base the server's http address
 * @param {string} code the join code
 * @param {string[]} names one bot per name
 */
export async function joinBots(browser, base, code, names) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // A page of the server's own origin: the server refuses websockets from other origins.
  await page.goto(`${base}/favicon.svg`);
  await page.evaluate(
    async ({ url, code, names }) => {
      const hex = (/** @type {number} */ n) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (x) => x.toString(16).padStart(2, '0')).join('');
      /** @type {{ ws: WebSocket, name: string, next: number, waiting: Map<number, (m: any) => void> }[]} */
      const bots = [];
      // A few at a time: a hundred hellos at once is not what a room does either.
      for (let i = 0; i < names.length; i += 10) {
        await Promise.all(
          names.slice(i, i + 10).map(async (name) => {
            const ws = new WebSocket(url);
            const bot = { ws, name, next: 2, waiting: new Map() };
            ws.onmessage = (e) => {
              const m = JSON.parse(e.data);
              if (m.requestId !== undefined) bot.waiting.get(m.requestId)?.(m);
            };
            await new Promise((resolve, reject) => {
              ws.onopen = resolve;
              ws.onerror = reject;
            });
            const welcome = await new Promise((resolve) => {
              bot.waiting.set(1, resolve);
              ws.send(JSON.stringify({ type: 'hello', requestId: 1, auth: { as: 'join', joinCode: code, name, joinKey: hex(24) } }));
            });
            if (welcome.type !== 'welcome') throw new Error(`${name} could not join: ${JSON.stringify(welcome)}`);
            bots.push(bot);
          }),
        );
      }
      // @ts-ignore the page's own global, for the calls below
      window.bots = bots;
    },
    { url: `${base.replace(/^http/, 'ws')}/ws`, code, names },
  );
  return {
    page,
    close: () => ctx.close(),
    /**
     * Every bot posts one note with `text(name)`; resolves when all are acked.
     * @param {string} prefix
     */
    post: (prefix) =>
      page.evaluate(async (prefix) => {
        const uuid = () => {
          const b = crypto.getRandomValues(new Uint8Array(16));
          b[6] = (b[6] & 0x0f) | 0x40;
          b[8] = (b[8] & 0x3f) | 0x80;
          const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
          return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
        };
        // @ts-ignore set by joinBots
        const bots = /** @type {any[]} */ (window.bots);
        await Promise.all(
          bots.map(
            (bot) =>
              new Promise((resolve, reject) => {
                const id = bot.next++;
                bot.waiting.set(id, (/** @type {any} */ m) => (m.type === 'ack' ? resolve(undefined) : reject(new Error(`${bot.name}: ${m.code} ${m.message}`))));
                const text = `${prefix} from ${bot.name}: we should share budgets across services and meet monthly`;
                bot.ws.send(JSON.stringify({ type: 'command', requestId: id, command: { type: 'postNote', noteId: uuid(), text } }));
              }),
          ),
        );
      }, prefix),
  };
}
