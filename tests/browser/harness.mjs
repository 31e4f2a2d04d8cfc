// The pieces every browser test needs: the real server on a free port, Debian's Chromium
// driven by playwright-core, axe-core scans, and screenshots under tests/artifacts/browser.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

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
