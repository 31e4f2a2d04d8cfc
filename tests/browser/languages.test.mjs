// Every language in the room (issue 21, the client): a phone follows its browser's language,
// German here, and switches in one tap, remembered across a reload; an Arabic phone lays the
// page out right to left; the server's refusals are worded from their code; a console in
// German. Each view is scanned with axe-core and photographed into tests/artifacts/browser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, launchBrowser, screenshot, startServer, watch } from './harness.mjs';

const WAIT = { timeout: 15_000 };

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


/**
 * A phone whose browser speaks `locale`, at the join screen of `code`.
 * @param {string} locale
 * @param {string} code
 */
async function phone(locale, code) {
  const ctx = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  watch(page, `phone ${locale}`, problems);
  await page.goto(`${server.base}/join/${code}`);
  return { ctx, page };
}

test('phones in German and Arabic, and a console in German', { timeout: 120_000 }, async (t) => {
  const created = await (
    await fetch(`${server.base}/api/cafes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Café der Sprachen', tableSize: 4, rounds: [{ question: 'Was hilft uns am meisten?', minutes: 20 }, { question: 'Und dann?', minutes: 20 }] }),
    })
  ).json();
  const code = created.joinCode;

  const consoleCtx = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
  const facilitator = await consoleCtx.newPage();
  watch(facilitator, 'console', problems);
  facilitator.on('dialog', (d) => d.accept());
  await facilitator.goto(`${server.base}/console#cafe=${encodeURIComponent(created.cafeId)}&key=${encodeURIComponent(created.facilitatorKey)}`);
  await facilitator.locator('#status[data-status=connected]', { hasText: 'Verbunden' }).waitFor(WAIT);

  const de = await phone('de-DE', code);
  const ar = await phone('ar', code);

  await t.test('a German phone joins in German; refusals are worded from their code', async () => {
    const page = de.page;
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    await page.locator('#join-heading', { hasText: 'Dem Café beitreten' }).waitFor(WAIT);
    assert.equal(await page.locator('#language').inputValue(), 'de', 'the picker shows the language in use');
    await assertAccessible(page, 'German join screen');

    // A refusal by the server (no such code), in German.
    await page.fill('#join-code', 'ZZZZZZ');
    await page.fill('#join-name', 'Grete');
    await page.click('#join-form button[type=submit]');
    await page.locator('#join-code-error', { hasText: 'Kein Café hat den Code ZZZZZZ' }).waitFor(WAIT);

    await page.fill('#join-code', code);
    await page.click('#join-form button[type=submit]');
    await page.locator('#place-heading', { hasText: 'Du bist dabei' }).waitFor(WAIT);
    await page.locator('#status', { hasText: 'Verbunden' }).waitFor(WAIT);
  });

  await t.test('an Arabic phone joins right to left', async () => {
    const page = ar.page;
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.locator('#join-heading', { hasText: 'انضم إلى المقهى' }).waitFor(WAIT);
    await page.fill('#join-name', 'ليلى');
    await page.click('#join-form button[type=submit]');
    await page.locator('#place-heading', { hasText: 'أنت معنا' }).waitFor(WAIT);
  });

  await t.test('round 1 starts: each phone says where to go in its own language', async () => {
    await facilitator.locator('#round-label', { hasText: 'Vorraum: Runde 1 von 2 nicht begonnen' }).waitFor(WAIT);
    await facilitator.click('#start-round');
    await facilitator.locator('#round-label', { hasText: 'Runde 1 von 2 läuft' }).waitFor(WAIT);
    await assertAccessible(facilitator, 'German console');
    await screenshot(facilitator, 'console-de');

    await de.page.locator('#place-heading', { hasText: /^Tisch \d+$/ }).waitFor(WAIT);
    await de.page.locator('#round-label', { hasText: 'Runde 1 von 2' }).waitFor(WAIT);
    await de.page.locator('#question-heading', { hasText: 'Die Frage' }).waitFor(WAIT);
    await de.page.fill('#note-text', 'Mehr miteinander reden');
    await de.page.click('#note-form button[type=submit]');
    await de.page.locator('#notes .note', { hasText: 'Mehr miteinander reden' }).locator('.note-state', { hasText: '✓ Gespeichert' }).waitFor(WAIT);
    assert.match(await de.page.locator('#note-count').innerText(), /^0 von 2\.000 Zeichen$/, 'numbers grouped the German way');
    await assertAccessible(de.page, 'German phone in a round');
    await screenshot(de.page, 'phone-de');

    const page = ar.page;
    // The number as Intl writes it for Arabic, isolated from the text around it.
    await page.locator('#place-heading', { hasText: /^الطاولة \u2068[0-9٠-٩]+\u2069$/ }).waitFor(WAIT);
    await page.locator('#question-heading', { hasText: 'السؤال' }).waitFor(WAIT);
    await page.fill('#note-text', 'نتحدث أكثر مع بعضنا');
    await page.click('#note-form button[type=submit]');
    await page.locator('#notes .note', { hasText: 'نتحدث أكثر' }).locator('.note-state', { hasText: 'محفوظة' }).waitFor(WAIT);
    // The layout mirrors: the café's name starts at the right, the status sits left of it,
    // and a note's coloured edge is on its right.
    const layout = await page.evaluate(() => {
      const brand = /** @type {HTMLElement} */ (document.querySelector('#cafe-title')).getBoundingClientRect();
      const status = /** @type {HTMLElement} */ (document.querySelector('#status')).getBoundingClientRect();
      const note = getComputedStyle(/** @type {HTMLElement} */ (document.querySelector('#notes .note')));
      return { direction: getComputedStyle(document.body).direction, brandRight: brand.right, statusRight: status.right, width: innerWidth, edge: note.borderRightWidth, other: note.borderLeftWidth };
    });
    assert.equal(layout.direction, 'rtl');
    assert.ok(layout.brandRight > layout.width - 40, `the brand starts at the right edge: ${JSON.stringify(layout)}`);
    assert.ok(layout.statusRight < layout.brandRight, `the status is left of the brand: ${JSON.stringify(layout)}`);
    assert.ok(parseFloat(layout.edge) > parseFloat(layout.other), `a note's edge is on its right: ${JSON.stringify(layout)}`);
    await assertAccessible(page, 'Arabic phone in a round');
    await screenshot(page, 'phone-ar');
  });

  await t.test('an Arabic wall and a German printable report', async () => {
    const wallCtx = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 720 } });
    const wall = await wallCtx.newPage();
    watch(wall, 'wall ar', problems);
    await wall.goto(`${server.base}/wall/${code}`);
    await wall.locator('#round-label', { hasText: 'الجولة' }).waitFor(WAIT);
    await wall.locator('.table-col .note-text', { hasText: 'Mehr miteinander reden' }).waitFor(WAIT);
    assert.equal(await wall.getAttribute('html', 'dir'), 'rtl');
    await assertAccessible(wall, 'Arabic wall');
    await screenshot(wall, 'wall-ar');
    await wallCtx.close();

    // The console's browser holds the key, so it opens the report, in its own German.
    const report = await consoleCtx.newPage();
    watch(report, 'report de', problems);
    await report.goto(`${server.base}/report.html#cafe=${encodeURIComponent(created.cafeId)}`);
    await report.locator('h2', { hasText: 'Fragen' }).waitFor(WAIT);
    await report.locator('h2', { hasText: 'Wer wo saß' }).waitFor(WAIT);
    await report.locator('#print', { hasText: 'Drucken oder als PDF speichern' }).waitFor(WAIT);
    await assertAccessible(report, 'German report');
    await report.close();
  });

  await t.test('one tap switches the language, and the choice outlives a reload', async () => {
    const page = de.page;
    await page.selectOption('#language', 'fr');
    await page.locator('#place-heading', { hasText: /^Table \d+$/ }).waitFor(WAIT);
    await page.locator('#question-heading', { hasText: 'La question' }).waitFor(WAIT);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.locator('#notes .note', { hasText: 'Mehr miteinander reden' }).locator('.note-state', { hasText: '✓ Enregistrée' }).waitFor(WAIT);
    await page.reload();
    await page.locator('#place-heading', { hasText: /^Table \d+$/ }).waitFor(WAIT);
    assert.equal(await page.locator('#language').inputValue(), 'fr');
    assert.equal(await page.evaluate(() => localStorage.getItem('flamingo.language')), 'fr');

    // Back to the browser's German, and the Arabic phone to English: the direction follows.
    await page.selectOption('#language', 'de');
    await page.locator('#place-heading', { hasText: /^Tisch \d+$/ }).waitFor(WAIT);
    // The console switches too, and mirrors in Arabic.
    await facilitator.selectOption('#language', 'ar');
    await facilitator.locator('#round-label', { hasText: 'الجولة' }).waitFor(WAIT);
    assert.equal(await facilitator.getAttribute('html', 'dir'), 'rtl');
    await assertAccessible(facilitator, 'Arabic console');
    await screenshot(facilitator, 'console-ar');

    await ar.page.selectOption('#language', 'en');
    await ar.page.locator('#place-heading', { hasText: /^Table \d+$/ }).waitFor(WAIT);
    assert.equal(await ar.page.getAttribute('html', 'dir'), 'ltr');
  });

  await t.test('no page broke', () => {
    assert.deepEqual(problems, []);
  });

  await de.ctx.close();
  await ar.ctx.close();
  await consoleCtx.close();
});
