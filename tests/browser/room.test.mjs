// The room at real size: cafés of 40 and of 100 people (three real phones, the rest websocket
// clients), a console at 1366x768 and two walls, at 1920x1080 and 1280x720. Every table's card
// and its newest note are on each wall without scrolling; phones follow the café (the table in
// view after Start, the feedback form after the close) and say each change in their status
// region; the console's round bar stays reachable, its address can be changed after use, and
// keyboard presses never drop focus on the body. Screenshots land in tests/artifacts/browser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, assertAccessible, joinBots, launchBrowser, screenshot, startServer, watch } from './harness.mjs';

const WAIT = { timeout: 20_000 };
const PHONES = 3;
const WALLS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

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
 * Records every sentence put into the page's polite status region (#say), from the first load.
 * @param {import('playwright-core').BrowserContext} ctx
 */
async function recordSentences(ctx) {
  await ctx.addInitScript(() => {
    // @ts-ignore the page's own global, read by `sentences`
    window.said = [];
    document.addEventListener('DOMContentLoaded', () => {
      const region = document.getElementById('say');
      if (!region) return;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.textContent) /** @type {any} */ (window).said.push(n.textContent);
      }).observe(region, { childList: true });
    });
  });
}

/**
 * The screen as the person sees it now, where they scrolled to (harness's `screenshot` shows
 * the whole page from the top).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
function snap(page, name) {
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/**
 * Waits until notes fading in have landed (for a picture or a contrast scan).
 * @param {import('playwright-core').Page} page
 */
function settled(page) {
  return page.waitForFunction(() => document.getAnimations().length === 0, null, WAIT);
}

/** @param {import('playwright-core').Page} page */
function sentences(page) {
  // @ts-ignore set by recordSentences
  return page.evaluate(() => /** @type {string[]} */ (window.said));
}

/**
 * Whether the element's box is wholly inside the viewport.
 * @param {import('playwright-core').Locator} locator
 */
function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;
  });
}

/**
 * Asserts every table card and its newest note are on the wall's screen, and returns how many.
 * @param {import('playwright-core').Page} wall
 * @param {number} tables
 * @param {string} where
 */
async function assertWholeRoom(wall, tables, where) {
  await wall.waitForFunction((n) => document.querySelectorAll('.table-col').length === n, tables, WAIT);
  assert.ok(await wall.locator('#board-pages').isHidden(), `${where}: all ${tables} tables fit, no paging`);
  const boxes = await wall.evaluate(() =>
    [...document.querySelectorAll('.table-col')].map((col) => {
      const box = (/** @type {Element | null} */ el) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height };
      };
      return { table: /** @type {HTMLElement} */ (col).dataset.table, head: box(col.querySelector('h3')), note: box(col.querySelector('.table-notes li')), text: box(col.querySelector('.note-text')) };
    }),
  );
  const size = await wall.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight, scroll: document.documentElement.scrollHeight }));
  assert.ok(size.scroll <= size.h, `${where}: the wall does not scroll (${size.scroll} > ${size.h})`);
  for (const b of boxes) {
    for (const [part, r] of [['header', b.head], ['newest note', b.note]]) {
      assert.ok(r, `${where}: table ${b.table} has a ${part}`);
      const rect = /** @type {NonNullable<typeof b.head>} */ (r);
      assert.ok(rect.top >= 0 && rect.left >= 0 && rect.bottom <= size.h + 0.5 && rect.right <= size.w + 0.5, `${where}: table ${b.table}'s ${part} is on screen (${JSON.stringify(rect)})`);
    }
    // The note's first line at least is not cut by its card.
    assert.ok(/** @type {NonNullable<typeof b.text>} */ (b.text).height > 10, `${where}: table ${b.table}'s note shows its text`);
  }
}

/**
 * A café of `people` people from start to close.
 * @param {import('node:test').TestContext} t
 * @param {number} people
 */
async function roomOf(t, people) {
  const tag = `${people}`;
  const created = await (
    await fetch(`${server.base}/api/cafes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `A room of ${people}`,
        tableSize: 4,
        rounds: [
          { question: 'What gets in the way of working across our organisations?', minutes: 20 },
          { question: 'What will we do differently on Monday?', minutes: 20 },
        ],
      }),
    })
  ).json();
  const code = created.joinCode;
  const tables = Math.ceil(people / 4);

  const consoleCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await recordSentences(consoleCtx);
  const facilitator = await consoleCtx.newPage();
  watch(facilitator, `console ${tag}`, problems);
  facilitator.on('dialog', (d) => d.accept());
  await facilitator.goto(`${server.base}/console#cafe=${encodeURIComponent(created.cafeId)}&key=${encodeURIComponent(created.facilitatorKey)}`);
  await facilitator.locator('#status[data-status=connected]').waitFor(WAIT);

  const walls = [];
  for (const viewport of WALLS) {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    watch(page, `wall ${viewport.width} ${tag}`, problems);
    await page.goto(`${server.base}/wall/${code}`);
    await page.locator('#join-code', { hasText: code }).waitFor(WAIT);
    walls.push({ ctx, page, name: `${viewport.width}x${viewport.height}` });
  }

  /** @type {{ ctx: import('playwright-core').BrowserContext, page: import('playwright-core').Page, name: string }[]} */
  const phones = [];
  for (let i = 0; i < PHONES; i++) {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await recordSentences(ctx);
    const page = await ctx.newPage();
    const name = `Phone ${String.fromCharCode(65 + i)}`;
    watch(page, `${name} ${tag}`, problems);
    await page.goto(`${server.base}/join/${code}`);
    // By keyboard: Enter in the name field joins, and focus goes to the new view's heading.
    await page.fill('#join-name', name);
    await page.press('#join-name', 'Enter');
    await page.locator('#place-heading', { hasText: 'You are in' }).waitFor(WAIT);
    await page.waitForFunction(() => document.activeElement?.id === 'place-heading', null, WAIT);
    phones.push({ ctx, page, name });
  }
  const bots = await joinBots(
    browser,
    server.base,
    code,
    Array.from({ length: people - PHONES }, (_, i) => `Bot ${i + 1}`),
  );
  await facilitator.locator('#people-heading', { hasText: `${people} here` }).waitFor(WAIT);

  await t.test(`${tag}: the console at 1366x768 keeps its round bar in reach and its address editable`, async () => {
    // The laptop's address: given, used, then changed (a typo, or next week's venue).
    await facilitator.locator('#loopback').waitFor(WAIT);
    await facilitator.fill('#origin', '192.168.1.20:8080');
    await facilitator.click('#origin-form button[type=submit]');
    await facilitator.locator('#join-url', { hasText: `http://192.168.1.20:8080/join/${code}` }).waitFor(WAIT);
    assert.ok(await facilitator.locator('#origin').isVisible(), 'the address stays editable after use');
    await facilitator.fill('#origin', '192.168.1.21:8080');
    await facilitator.click('#origin-form button[type=submit]');
    await facilitator.locator('#join-url', { hasText: `http://192.168.1.21:8080/join/${code}` }).waitFor(WAIT);
    await facilitator.fill('#origin', 'not an address at all');
    await facilitator.click('#origin-form button[type=submit]');
    assert.equal(await facilitator.locator('#origin').getAttribute('aria-invalid'), 'true');
    await facilitator.fill('#origin', '');
    await facilitator.click('#origin-form button[type=submit]');
    await facilitator.locator('#join-url', { hasText: `${server.base}/join/${code}` }).waitFor(WAIT);
    // Remembered per café: another café's key in storage is not this one's.
    const kept = await facilitator.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('flamingo.joinOrigin')));
    assert.ok(kept.every((k) => k.endsWith(code) || k.split('.').length === 3), `kept per café: ${kept.join(', ')}`);
  });

  await t.test(`${tag}: round 1 seats everyone; walls show every table with its newest note`, async () => {
    // Keyboard: Start takes focus to the next control, never to the body.
    await facilitator.focus('#start-round');
    await facilitator.keyboard.press('Enter');
    await Promise.all(phones.map(({ page }) => page.locator('#place[data-table]').waitFor(WAIT)));
    await facilitator.locator('#pause').waitFor(WAIT);
    await facilitator.waitForFunction(() => document.activeElement?.id === 'end-round' || document.activeElement?.id === 'pause', null, WAIT);
    assert.equal(await facilitator.locator('.table-card').count(), tables);
    // The join panel folds to its code once everyone is seated, one click from open again.
    await facilitator.waitForFunction(() => !(/** @type {HTMLDetailsElement} */ (document.getElementById('join-details'))).open, null, WAIT);
    assert.ok(await facilitator.locator('#code').isVisible(), 'the code stays visible when folded');

    await bots.post('Round 1');
    for (const { page, name } of phones) {
      await page.fill('#note-text', `${name} thinks trust takes time`);
      await page.click('#note-form button[type=submit]');
    }
    for (const wall of walls) {
      await wall.page.waitForFunction((n) => [...document.querySelectorAll('.table-col')].reduce((s, c) => s + Number(/** @type {HTMLElement} */ (c).dataset.count), 0) === n, people, WAIT);
      await assertWholeRoom(wall.page, tables, `wall ${wall.name}, ${people} people`);
      t.diagnostic(`wall ${wall.name}, ${tables} tables: ${await wall.page.locator('#board').getAttribute('data-layout')}`);
      await settled(wall.page);
      await screenshot(wall.page, `wall-${people}-people-${wall.name}`);
    }
    // Readable from the back: note text ≥ 20 px and names ≥ 16 px at 1080p.
    const sizes = await walls[0].page.evaluate(() => ({
      note: parseFloat(getComputedStyle(/** @type {Element} */ (document.querySelector('.table-notes .note-text'))).fontSize),
      name: parseFloat(getComputedStyle(/** @type {Element} */ (document.querySelector('.table-notes .by'))).fontSize),
      count: parseFloat(getComputedStyle(/** @type {Element} */ (document.querySelector('.table-col .more'))).fontSize),
    }));
    assert.ok(sizes.note >= 20, `note text ${sizes.note} px`);
    assert.ok(sizes.name >= 16 && sizes.count >= 16, `names ${sizes.name} px, counts ${sizes.count} px`);
    // A note fading in is not yet at full contrast: scan once they have landed.
    await settled(walls[0].page);
    await assertAccessible(walls[0].page, `wall with ${people} people`);
    // No wall control in the room's sight once the pointer rests.
    assert.equal(await walls[0].page.locator('.wall-controls').evaluate((el) => getComputedStyle(el).opacity), '0');

    // The round bar stays on screen however far the console scrolls.
    await facilitator.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.ok(await inViewport(facilitator.locator('#end-round')), 'End round is reachable at the bottom of the page');
    assert.ok(await inViewport(facilitator.locator('#broadcast')), 'Broadcast is reachable at the bottom of the page');
    await assertAccessible(facilitator, `console with ${people} people`);
    await facilitator.evaluate(() => window.scrollTo(0, 0));
    await snap(facilitator, `console-${people}-people-1366x768`);
  });

  await t.test(`${tag}: phones follow: after Start, the table number is in view, also while typing`, async () => {
    const [typist, scroller] = phones;
    // One scrolled down to the note box and typing; one scrolled down and reading.
    await typist.page.locator('#note-text').scrollIntoViewIfNeeded();
    await typist.page.fill('#note-text', 'half a thought');
    await scroller.page.evaluate(() => document.getElementById('notes')?.scrollIntoView());
    await screenshot(scroller.page, `phone-${people}-round1`);

    await facilitator.focus('#end-round');
    await facilitator.keyboard.press('Enter');
    await Promise.all(phones.map(({ page }) => page.locator('#round-label', { hasText: 'For round 2 go to' }).waitFor(WAIT)));
    await facilitator.waitForFunction(() => document.activeElement?.id === 'start-round', null, WAIT);
    await snap(phones[2].page, `phone-${people}-between-rounds`);

    await facilitator.click('#start-round');
    await Promise.all(phones.map(({ page }) => page.locator('#round-label', { hasText: 'Round 2 of 2' }).waitFor(WAIT)));
    for (const { page, name } of phones) {
      const table = await page.locator('#place').getAttribute('data-table');
      const bar = page.locator('#bar-table');
      await bar.filter({ hasText: `Table ${table}` }).waitFor(WAIT);
      assert.ok(await inViewport(bar), `${name}: the table number is on screen`);
    }
    // The typist keeps focus and text, and is offered the way up.
    assert.equal(await typist.page.evaluate(() => document.activeElement?.id), 'note-text');
    assert.equal(await typist.page.inputValue('#note-text'), 'half a thought');
    await typist.page.locator('#follow-pill', { hasText: /table \d+/ }).waitFor(WAIT);
    await snap(typist.page, `phone-${people}-typing-pill`);
    // The reader is brought to the table card.
    await scroller.page.waitForFunction(() => {
      const r = document.getElementById('place-heading')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, WAIT);
    await snap(scroller.page, `phone-${people}-round2`);
    await assertAccessible(scroller.page, `phone in round 2 (${people} people)`);

    // A paste longer than a note holds is cut, and the phone says so; only spaces are refused.
    await scroller.page.fill('#note-text', 'x'.repeat(2_100));
    assert.equal((await scroller.page.inputValue('#note-text')).length, 2_000);
    await scroller.page.locator('#note-text-error', { hasText: 'up to 2,000 characters' }).waitFor(WAIT);
    assert.match((await scroller.page.textContent('#note-count')) ?? '', /2,000 of 2,000/);
    await scroller.page.fill('#note-text', '    ');
    await scroller.page.click('#note-form button[type=submit]');
    await scroller.page.locator('#note-text-error', { hasText: 'only spaces' }).waitFor(WAIT);
    assert.equal(await scroller.page.locator('#note-text').getAttribute('aria-invalid'), 'true');
    await scroller.page.fill('#note-text', '');

    const said = await sentences(scroller.page);
    const table = await scroller.page.locator('#place').getAttribute('data-table');
    assert.ok(said.some((s) => /^Round 1 started: go to table \d+, [a-z ]+\./.test(s)), `round 1 said: ${said.join(' | ')}`);
    assert.ok(said.some((s) => /^Time is up: round 1 is over\./.test(s)), `round end said: ${said.join(' | ')}`);
    assert.ok(said.some((s) => s.startsWith(`Round 2 started: go to table ${table},`)), `round 2 said: ${said.join(' | ')}`);
  });

  await t.test(`${tag}: pause and resume hand focus to each other`, async () => {
    await facilitator.focus('#pause');
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForFunction(() => document.activeElement?.id === 'resume', null, WAIT);
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForFunction(() => document.activeElement?.id === 'pause', null, WAIT);
    const said = await sentences(facilitator);
    for (const s of ['Round 1 started:', 'Round 1 is over.', 'Round 2 started:', 'Round 2 is paused.', 'Round 2 goes on.']) {
      assert.ok(said.some((x) => x.startsWith(s)), `the console said "${s}…": ${said.join(' | ')}`);
    }
  });

  await t.test(`${tag}: the harvest groups notes by round and table; the close brings the feedback form into view`, async () => {
    // The notes feed can be paused: what comes is counted, not drawn, until resumed.
    await facilitator.click('#feed-pause');
    const shown = await facilitator.locator('#feed li').count();
    await bots.post('Round 2');
    await facilitator.locator('#feed-pause', { hasText: `Show ${people - PHONES} new` }).waitFor(WAIT);
    assert.equal(await facilitator.locator('#feed li').count(), shown, 'a paused feed does not move');
    await facilitator.click('#feed-pause');
    await facilitator.locator('#feed li', { hasText: 'Round 2 from Bot 1:' }).waitFor(WAIT);
    await facilitator.focus('#end-round');
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForFunction(() => document.activeElement?.id === 'harvest', null, WAIT);
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForFunction(() => document.activeElement?.id === 'harvest-heading', null, WAIT);
    // A note taken off the wall keeps full contrast on the harvest board, with its badge.
    const note = facilitator.locator('#hv-notes .hv-note').first();
    await note.getByRole('button', { name: 'Hide from the wall' }).click();
    await facilitator.locator('#hv-notes .hv-note.hidden-note .off-wall').first().waitFor(WAIT);
    if (people === 40) await assertAccessible(facilitator, 'console harvest with a hidden note');
    for (const wall of walls) {
      await wall.page.locator('#round-label', { hasText: 'Harvest' }).waitFor(WAIT);
      await wall.page.locator('.table-col[data-round="2"]').first().waitFor(WAIT);
      assert.ok(await wall.page.locator('#question').isHidden(), 'the title is not shown twice');
      await settled(wall.page);
      await screenshot(wall.page, `wall-${people}-people-harvest-${wall.name}`);
    }
    const groups = await walls[0].page.locator('.table-col').evaluateAll((cols) => cols.map((c) => `${c.getAttribute('aria-label')}: ${c.querySelector('.more')?.textContent}`));
    assert.ok(groups.every((x) => /^Table \d+ in round \d: round \d · \d+ notes?$/.test(x)), `grouped by round and table: ${groups.slice(0, 3).join(', ')}`);
    const pages = walls[0].page.locator('#board-pages');
    if (await pages.isVisible()) assert.match((await pages.textContent()) ?? '', /^Tables \d+–\d+ of \d+ · page \d of \d$/);

    const phone = phones[1].page;
    await phone.locator('#harvest-box').waitFor(WAIT);
    await snap(phone, `phone-${people}-harvest`);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await facilitator.locator('#close').click();
    await phone.locator('#feedback-box').waitFor(WAIT);
    await phone.waitForFunction(() => {
      const r = document.getElementById('feedback-heading')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, WAIT);
    await snap(phone, `phone-${people}-closed`);
    await assertAccessible(phone, `phone after the close (${people} people)`);
    await facilitator.waitForFunction(() => document.activeElement !== document.body, null, WAIT);
    const said = await sentences(phone);
    assert.ok(said.some((s) => s.startsWith('This café is closed.')), `the close said: ${said.join(' | ')}`);
  });

  await bots.close();
  for (const p of phones) await p.ctx.close();
  for (const w of walls) await w.ctx.close();
  await consoleCtx.close();
}

test('a café of 40 people', { timeout: 240_000 }, (t) => roomOf(t, 40));
test('a café of 100 people', { timeout: 300_000 }, (t) => roomOf(t, 100));

test('past what fits, the wall pages through the tables by itself, with a marker', { timeout: 120_000 }, async (t) => {
  // 100 people at tables of 3: 34 tables, more than a 1920x1080 wall holds at once (30).
  const created = await (
    await fetch(`${server.base}/api/cafes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Tables of three', tableSize: 3, rounds: [{ question: 'What would help most?', minutes: 20 }] }),
    })
  ).json();
  const bots = await joinBots(browser, server.base, created.joinCode, Array.from({ length: 100 }, (_, i) => `Bot ${i + 1}`));
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await ctx.newPage();
  watch(wall, 'paging wall', problems);
  await wall.goto(`${server.base}/wall/${created.joinCode}`);
  await wall.locator('#join-code', { hasText: created.joinCode }).waitFor(WAIT);
  const fctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const facilitator = await fctx.newPage();
  await facilitator.goto(`${server.base}/console#cafe=${encodeURIComponent(created.cafeId)}&key=${encodeURIComponent(created.facilitatorKey)}`);
  await facilitator.locator('#status[data-status=connected]').waitFor(WAIT);
  await facilitator.click('#start-round');
  await facilitator.locator('#pause').waitFor(WAIT);
  const tables = await facilitator.locator('.table-card').count();
  await bots.post('Round 1');
  const marker = wall.locator('#board-pages');
  await marker.filter({ hasText: new RegExp(`^Tables 1–\\d+ of ${tables}`) }).waitFor(WAIT);
  t.diagnostic(`${tables} tables at 1920x1080: ${await wall.locator('#board').getAttribute('data-layout')}; ${await marker.textContent()}`);
  /** @type {Set<string>} */
  const seen = new Set();
  const onScreen = async () => {
    const shown = await wall.evaluate(() =>
      [...document.querySelectorAll('.table-col')].map((c) => {
        const head = /** @type {Element} */ (c.querySelector('h3')).getBoundingClientRect();
        const note = c.querySelector('.table-notes li')?.getBoundingClientRect();
        const fits = (/** @type {DOMRect | undefined} */ r) => !!r && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
        return { table: /** @type {HTMLElement} */ (c).dataset.table ?? '', whole: fits(head) && fits(note) };
      }),
    );
    for (const c of shown) {
      assert.ok(c.whole, `table ${c.table}'s header and newest note are on screen`);
      seen.add(c.table);
    }
  };
  await onScreen();
  await settled(wall);
  await screenshot(wall, `wall-${tables}-tables-page-1`);
  // The wall turns the page by itself; the last page holds the rest.
  await marker.filter({ hasText: new RegExp(`^Tables \\d+–${tables} of ${tables}`) }).waitFor({ timeout: 40_000 });
  await onScreen();
  await screenshot(wall, `wall-${tables}-tables-page-2`);
  assert.equal(seen.size, tables, 'every table was on the wall');
  await bots.close();
  await fctx.close();
  await ctx.close();
});

test('forms say what is wrong under the field, in plain words', { timeout: 60_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  watch(page, 'forms', problems);
  await page.goto(server.base);
  await page.locator('.question-input').nth(1).fill('');
  await page.fill('#table-size', '12');
  await page.click('#create-form button[type=submit]');
  await page.locator('#title-error', { hasText: 'Give the café a title.' }).waitFor(WAIT);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'title', 'focus on the first field in error');
  assert.equal(await page.locator('#title').getAttribute('aria-describedby'), 'title-error');
  await page.locator('#table-size-error', { hasText: 'People per table: a whole number from 3 to 8.' }).waitFor(WAIT);
  await page.locator('.field-error', { hasText: 'Round 2 needs a question.' }).waitFor(WAIT);
  await assertAccessible(page, 'create form with errors');
  // Fixed, and created from the bottom of the form: the console opens at its top, focus on
  // its heading.
  await page.fill('#title', 'Forms café');
  await page.fill('#table-size', '4');
  await page.locator('.question-input').nth(1).fill('What have you seen work elsewhere?');
  await page.click('#create-form button[type=submit]');
  await page.locator('#code').filter({ hasText: /^[A-Z2-9]{6}$/ }).waitFor(WAIT);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the console opens at its top');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'console-heading');

  // A wrong join code: said in words, under the code, with focus there (not on the name).
  const phone = await ctx.newPage();
  watch(phone, 'join with a wrong code', problems);
  await phone.goto(`${server.base}/join`);
  await phone.fill('#join-code', 'zzz-zzz');
  await phone.fill('#join-name', 'Sam');
  await phone.click('#join-form button[type=submit]');
  await phone.locator('#join-code-error', { hasText: 'No café has the code ZZZZZZ' }).waitFor(WAIT);
  assert.equal(await phone.evaluate(() => document.activeElement?.id), 'join-code');
  assert.equal(await phone.locator('#join-code').getAttribute('aria-invalid'), 'true');
  await assertAccessible(phone, 'join form with a wrong code');
  await ctx.close();
});

test('a phone of 320 px with text at 200 % never scrolls sideways', { timeout: 90_000 }, async () => {
  const created = await (
    await fetch(`${server.base}/api/cafes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Kettering community café', tableSize: 4, rounds: [{ question: 'What would help most?', minutes: 20 }] }),
    })
  ).json();
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await ctx.newPage();
  watch(phone, 'phone at 200 %', problems);
  await phone.goto(`${server.base}/join/${created.joinCode}`);
  await phone.fill('#join-name', 'Pat Pointer');
  await phone.click('#join-form button[type=submit]');
  await phone.locator('#place-heading', { hasText: 'You are in' }).waitFor(WAIT);
  // Text zoom: every size in the phone's CSS is in rem, so a doubled root is 200 % text.
  await phone.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const bots = await joinBots(browser, server.base, created.joinCode, ['Ana', 'Ben', 'Chloe']);
  const fctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const facilitator = await fctx.newPage();
  facilitator.on('dialog', (d) => d.accept());
  await facilitator.goto(`${server.base}/console#cafe=${encodeURIComponent(created.cafeId)}&key=${encodeURIComponent(created.facilitatorKey)}`);
  await facilitator.locator('#status[data-status=connected]').waitFor(WAIT);
  const sideways = async (/** @type {string} */ stage) => {
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${stage}: the page is ${width} px wide at 200 % text`);
    await screenshot(phone, `phone-320-text-200-${stage}`);
  };
  await facilitator.click('#start-round');
  await phone.locator('#place[data-table]').waitFor(WAIT);
  await bots.post('Round 1');
  await phone.locator('#notes li').nth(2).waitFor(WAIT);
  await sideways('round');
  await facilitator.click('#end-round');
  await facilitator.click('#harvest');
  await facilitator.fill('#theme-name', 'Trust and relationships between organisations');
  await facilitator.click('#theme-form button[type=submit]');
  await facilitator.click('#open-voting');
  await phone.locator('#hv-themes li.vote-item').first().waitFor(WAIT);
  await sideways('voting');
  await facilitator.click('#close');
  await phone.locator('#feedback-box').waitFor(WAIT);
  await sideways('closed');
  await bots.close();
  await fctx.close();
  await ctx.close();
});

test('no page broke or was refused by the Content-Security-Policy', () => {
  assert.deepEqual(problems, []);
});
