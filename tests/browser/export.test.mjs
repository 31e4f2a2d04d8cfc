// The harvest leaves the room: the console downloads the café as Markdown, CSV and JSON (names
// shown or left out), and the printable report lays it out for paper, typed text as text.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertAccessible, launchBrowser, screenshot, startServer, watch } from './harness.mjs';

const WAIT = { timeout: 15_000 };
const NOTE = 'Shared budgets <b>not</b> shared meetings';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string[]} */
const problems = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the facilitator downloads the harvest and prints the report', { timeout: 90_000 }, async () => {
  const laptop = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const facilitator = await laptop.newPage();
  watch(facilitator, 'console', problems);
  await facilitator.goto(server.base);
  await facilitator.fill('#title', 'Harvest to take home');
  await facilitator.click('#create-form button[type=submit]');
  await facilitator.locator('#code').filter({ hasText: /^[A-Z2-9]{6}$/ }).waitFor(WAIT);
  const code = (await facilitator.textContent('#code')) ?? '';

  const phoneCtx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  watch(phone, 'phone', problems);
  await phone.goto(`${server.base}/join/${code}`);
  await phone.fill('#join-name', 'Ada Lovelace');
  await phone.fill('#join-org', 'Analytical Engines');
  await phone.click('#join-form button[type=submit]');
  await phone.locator('#place-heading', { hasText: 'You are in' }).waitFor(WAIT);
  await facilitator.click('#start-round');
  await phone.locator('#place[data-table]').waitFor(WAIT);
  await phone.fill('#note-text', NOTE);
  await phone.click('#note-form button[type=submit]');
  await phone.locator('#notes li[data-state=saved]', { hasText: NOTE }).waitFor(WAIT);
  await facilitator.locator('#feed', { hasText: NOTE }).waitFor(WAIT);

  /** @param {string} label */
  async function download(label) {
    const [file] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByRole('button', { name: label }).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), body: readFileSync(path, 'utf8') };
  }

  const csv = await download('Notes (CSV)');
  assert.match(csv.name, new RegExp(`^flamingo-${code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  assert.match(csv.body, /Ada Lovelace/);
  assert.ok(csv.body.includes(NOTE), 'the note, as typed');
  await facilitator.locator('#export-feedback', { hasText: `Saved ${csv.name}` }).waitFor(WAIT);

  const json = JSON.parse((await download('Everything (JSON)')).body);
  assert.equal(json.title, 'Harvest to take home');
  assert.equal(json.notes.length, 1);
  assert.equal(json.rounds[0].tables.length, 1);

  await facilitator.check('#export-anonymous');
  const anonymous = await download('Report (Markdown)');
  assert.doesNotMatch(anonymous.body, /Ada|Lovelace/, 'names left out');
  assert.match(anonymous.body, /Participant 1/);

  // The printable report, from the console's link, names left out as the switch says.
  const [report] = await Promise.all([
    laptop.waitForEvent('page'),
    facilitator.click('#report-link'),
  ]);
  watch(report, 'report', problems);
  await report.locator('h1', { hasText: 'Harvest to take home' }).waitFor(WAIT);
  await report.locator('.note-text', { hasText: NOTE }).waitFor(WAIT);
  assert.equal(await report.locator('.note-text b').count(), 0, 'typed markup stays text');
  assert.equal(await report.locator('text=Ada Lovelace').count(), 0);
  assert.ok(await report.locator('#print').isEnabled());
  await assertAccessible(report, 'report');
  await report.emulateMedia({ media: 'print' });
  assert.equal(await report.locator('#print').isVisible(), false, 'no buttons on paper');
  await screenshot(report, 'report-print');

  // Without the key in this browser, the report says what to do instead of failing silently.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${server.base}/report.html#cafe=00000000-0000-0000-0000-000000000000`);
  await stranger.locator('[role=alert]', { hasText: 'facilitator console' }).waitFor(WAIT);

  assert.deepEqual(problems, [], 'no script errors or CSP refusals');
});
