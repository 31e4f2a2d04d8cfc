// The harvest in a real browser: a one-round café on six phones, hosts' notes, then the
// facilitator opens the harvest, makes themes (by tap and by drag), asks for suggestions, opens
// voting with two dots; phones spend them and one runs over its budget; the wall ranks the
// themes live (a vote made offline arrives once when the phone is back) and shows a commitment; a co-facilitator link opens a console that can make a
// theme but cannot close the café; the café closes and a phone answers the feedback form.
// Every new view is scanned with axe-core and photographed into tests/artifacts/browser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, launchBrowser, screenshot, startServer, watch } from './harness.mjs';

const PHONES = 6;
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
 * A phone's vote row for a theme.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
function phoneTheme(page, name) {
  return page.locator('#hv-themes li.vote-item', { hasText: name });
}

test('the harvest: themes, dot-voting, commitments, co-facilitator, feedback', { timeout: 180_000 }, async (t) => {
  // The café is made through the API (the console's create form has its own test).
  const created = await (
    await fetch(`${server.base}/api/cafes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Harvest test', tableSize: 3, rounds: [{ question: 'What would help most?', minutes: 20 }] }),
    })
  ).json();
  const code = created.joinCode;

  const consoleCtx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const facilitator = await consoleCtx.newPage();
  watch(facilitator, 'console', problems);
  facilitator.on('dialog', (d) => d.accept());
  await facilitator.goto(`${server.base}/console#cafe=${encodeURIComponent(created.cafeId)}&key=${encodeURIComponent(created.facilitatorKey)}`);
  await facilitator.locator('#status[data-status=connected]').waitFor(WAIT);

  const wallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallCtx.newPage();
  watch(wall, 'wall', problems);
  await wall.goto(`${server.base}/wall/${code}`);
  await wall.locator('#join-code', { hasText: code }).waitFor(WAIT);

  /** @type {{ ctx: import('playwright-core').BrowserContext, page: import('playwright-core').Page, name: string }[]} */
  const phones = [];
  /** @type {string[]} */
  const notes = [];
  await t.test('six phones join, round 1 runs, hosts write notes, the harvest opens', async () => {
    for (let i = 0; i < PHONES; i++) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      const page = await ctx.newPage();
      const name = `Person ${String.fromCharCode(65 + i)}`;
      watch(page, name, problems);
      phones.push({ ctx, page, name });
    }
    await Promise.all(
      phones.map(async ({ page, name }) => {
        await page.goto(`${server.base}/join/${code}`);
        await page.fill('#join-name', name);
        await page.click('#join-form button[type=submit]');
        await page.locator('#place-heading', { hasText: 'You are in' }).waitFor(WAIT);
      }),
    );
    await facilitator.click('#start-round');
    await Promise.all(phones.map(({ page }) => page.locator('#place[data-table]').waitFor(WAIT)));
    const hosts = [];
    for (const p of phones) if (await p.page.locator('#host-badge').isVisible()) hosts.push(p);
    assert.equal(hosts.length, 2, 'six people at tables of three: two tables, two hosts');
    const ideas = [
      ['Shared budgets across partners', 'Trust takes time to build'],
      ['Pooled budgets for joint projects', 'Meet in person more often'],
    ];
    for (const [i, host] of hosts.entries()) {
      for (const text of ideas[i]) {
        await host.page.fill('#note-text', text);
        await host.page.click('#note-form button[type=submit]');
        await host.page.locator('#notes li[data-state=saved]', { hasText: text }).waitFor(WAIT);
        notes.push(text);
      }
    }
    await facilitator.click('#end-round');
    await facilitator.locator('#harvest').waitFor({ state: 'visible', ...WAIT });
    await facilitator.click('#harvest');
    await facilitator.locator('#harvest-panel').waitFor({ state: 'visible', ...WAIT });
    for (const text of notes) await facilitator.locator('.hv-note', { hasText: text }).waitFor(WAIT);
    await wall.locator('#round-label', { hasText: 'Harvest' }).waitFor(WAIT);
    await phones[0].page.locator('#harvest-box').waitFor({ state: 'visible', ...WAIT });
    await phones[0].page.locator('#voting-state', { hasText: 'Voting is not open yet' }).waitFor(WAIT);
  });

  await t.test('the facilitator makes themes: by tap, by drag, and asks for suggestions', async () => {
    // The server's own suggestions: the two notes about budgets share a word, the others none.
    await facilitator.click('#suggest');
    const real = facilitator.locator('.suggestion', { hasText: 'Shared budgets across partners' });
    await real.locator('li', { hasText: 'Pooled budgets for joint projects' }).waitFor(WAIT);
    assert.equal(await facilitator.locator('.suggestion').count(), 1, 'one group of related notes');
    await real.getByRole('button', { name: /^Dismiss/ }).click();
    await real.waitFor({ state: 'detached', ...WAIT });

    // Tap: create a theme, pick a note, "Put here".
    await facilitator.fill('#theme-name', 'Budgets');
    await facilitator.click('#theme-form button[type=submit]');
    const budgets = facilitator.locator('.theme-card', { hasText: 'Budgets' });
    await budgets.waitFor(WAIT);
    for (const text of ['Shared budgets across partners', 'Pooled budgets for joint projects']) {
      await facilitator.locator('.hv-note', { hasText: text }).getByRole('button', { name: /^Pick/ }).click();
      await facilitator.locator('#hv-pick', { hasText: text }).waitFor(WAIT);
      await budgets.getByRole('button', { name: 'Put here' }).click();
      await budgets.locator('.theme-notes li', { hasText: text }).waitFor(WAIT);
    }
    // Suggestions, answered here by a stand-in for the server's route, so that the groups are
    // known in advance (the route itself is tested in tests/tests/suggestions.rs): a suggested
    // group shows with its notes; Accept makes the theme, Dismiss drops one.
    const meetId = await facilitator.locator('.hv-note', { hasText: 'Meet in person more often' }).getAttribute('data-note-id');
    const trustId = await facilitator.locator('.hv-note', { hasText: 'Trust takes time to build' }).getAttribute('data-note-id');
    await facilitator.route('**/api/cafes/*/suggestions', async (route) => {
      assert.match(route.request().headers().authorization ?? '', /^Bearer /);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({
        json: {
          notesConsidered: 2,
          suggestions: [
            { name: 'Meeting in person', terms: ['meet', 'person'], noteIds: [meetId] },
            { name: 'Time and trust', terms: ['trust', 'time'], noteIds: [trustId] },
          ],
        },
      });
    });
    await facilitator.click('#suggest');
    await facilitator.locator('#suggest-progress').waitFor({ state: 'visible', ...WAIT });
    const suggestion = facilitator.locator('.suggestion', { hasText: 'Meeting in person' });
    await suggestion.locator('li', { hasText: 'Meet in person more often' }).waitFor(WAIT);
    await assertAccessible(facilitator, 'console with suggested themes');
    await facilitator.getByRole('button', { name: 'Dismiss Time and trust' }).click();
    await facilitator.locator('.suggestion', { hasText: 'Time and trust' }).waitFor({ state: 'detached', ...WAIT });
    await suggestion.getByRole('button', { name: 'Accept Meeting in person' }).click();
    await facilitator.locator('.theme-card', { hasText: 'Meeting in person' }).locator('.theme-notes li', { hasText: 'Meet in person more often' }).waitFor(WAIT);
    await facilitator.unroute('**/api/cafes/*/suggestions');

    // Picking a note first and then naming a theme puts the note straight in.
    await facilitator.locator('.hv-note', { hasText: 'Trust takes time to build' }).getByRole('button', { name: /^Pick/ }).click();
    await facilitator.fill('#theme-name', 'Relationships');
    await facilitator.click('#theme-form button[type=submit]');
    const relationships = facilitator.locator('.theme-card', { hasText: 'Relationships' });
    await relationships.locator('.theme-notes li', { hasText: 'Trust takes time to build' }).waitFor(WAIT);
    // Drag: the last note (from the accepted suggestion's theme) onto Relationships.
    await facilitator.locator('.hv-note', { hasText: 'Meet in person more often' }).dragTo(relationships);
    await relationships.locator('.theme-notes li', { hasText: 'Meet in person more often' }).waitFor(WAIT);
    // Rename, and take a note out and back by keyboard-reachable buttons.
    await relationships.getByRole('button', { name: 'Rename Relationships' }).click();
    await facilitator.locator('.rename-form input').fill('Trust and relationships');
    await facilitator.locator('.rename-form button[type=submit]').click();
    const trust = facilitator.locator('.theme-card', { hasText: 'Trust and relationships' });
    await trust.waitFor(WAIT);
    await trust.getByRole('button', { name: /^Take out "Meet in person/ }).click();
    await facilitator.locator('.hv-note', { hasText: 'Meet in person more often' }).locator('.in-theme').waitFor({ state: 'detached', ...WAIT });
    await facilitator.locator('.hv-note', { hasText: 'Meet in person more often' }).getByRole('button', { name: /^Pick/ }).click();
    await trust.getByRole('button', { name: 'Put here' }).click();
    await trust.locator('.theme-notes li', { hasText: 'Meet in person more often' }).waitFor(WAIT);

    // Suggestions from the real route: every note is in a theme, so nothing to group, said plainly.
    await facilitator.click('#suggest');
    await facilitator.locator('#suggest-state', { hasText: 'No unthemed notes' }).waitFor(WAIT);
    t.diagnostic(`suggestions: ${await facilitator.textContent('#suggest-state')}`);

    await wall.locator('.wall-theme', { hasText: 'Budgets' }).waitFor(WAIT);
    await wall.locator('.wall-theme', { hasText: 'Trust and relationships' }).locator('li', { hasText: 'Meet in person more often' }).waitFor(WAIT);
    await assertAccessible(facilitator, 'console harvest board');
    await screenshot(facilitator, 'console-harvest');
  });

  await t.test('voting with two dots: phones spend them, one runs over, the wall ranks live', async () => {
    await facilitator.fill('#voting-dots', '2');
    await facilitator.click('#open-voting');
    await facilitator.locator('#voting-state', { hasText: 'Voting is open: 2 dots per person' }).waitFor(WAIT);
    const [a, b, c] = phones.map((p) => p.page);
    await a.locator('#dots-left', { hasText: '2 of 2 dots left' }).waitFor(WAIT);

    // A gives both dots to Budgets.
    await phoneTheme(a, 'Budgets').getByRole('button', { name: /^Give a dot/ }).click();
    await a.locator('#dots-left', { hasText: '1 of 2 dots left' }).waitFor(WAIT);
    await phoneTheme(a, 'Budgets').getByRole('button', { name: /^Give a dot/ }).click();
    await a.locator('#dots-left', { hasText: 'No dots left' }).waitFor(WAIT);
    await phoneTheme(a, 'Budgets').locator('.dot-count[data-dots="2"]').waitFor(WAIT);
    assert.ok(await phoneTheme(a, 'Trust').getByRole('button', { name: /^Give a dot/ }).isDisabled(), 'no dots left: + is disabled');
    // A third dot from a stale screen (the button forced on): the server refuses it, and
    // the phone says why.
    const plus = phoneTheme(a, 'Trust').getByRole('button', { name: /^Give a dot/ });
    await plus.evaluate((el) => el.removeAttribute('disabled'));
    await plus.click();
    await a.locator('#vote-problem', { hasText: 'no dots left' }).waitFor(WAIT);
    await phoneTheme(a, 'Trust').locator('.dot-count[data-dots="0"]').waitFor(WAIT);
    await assertAccessible(a, 'phone voting, over budget');
    await screenshot(a, 'phone-harvest-voting');

    // A reload keeps the person's dots (they come back in the snapshot) and their notes.
    await a.reload();
    await a.locator('#status[data-status=connected]').waitFor(WAIT);
    await phoneTheme(a, 'Budgets').locator('.dot-count[data-dots="2"]').waitFor(WAIT);
    await a.locator('#dots-left', { hasText: 'No dots left' }).waitFor(WAIT);
    assert.ok((await a.locator('#hv-notes li.vote-item').count()) >= 2, 'the notes of its table are back');

    // The wall: Budgets first with 2 dots.
    await wall.locator('.wall-theme').first().locator('.wall-dots', { hasText: '2 dots' }).waitFor(WAIT);
    assert.match((await wall.locator('.wall-theme').first().textContent()) ?? '', /Budgets/);

    // B and C put three dots on Trust (one on a note in it): Trust overtakes Budgets live.
    // B votes with no connection: the dot shows, is kept, and is sent when the link is back
    // (setVotes is absolute, so sending it again can never count twice).
    const bCtx = phones[1].ctx;
    await bCtx.setOffline(true);
    await b.locator('#status[data-status=offline]').waitFor(WAIT);
    await phoneTheme(b, 'Trust').getByRole('button', { name: /^Give a dot/ }).click();
    await b.locator('#vote-problem', { hasText: 'Not connected' }).waitFor(WAIT);
    await phoneTheme(b, 'Trust').locator('.dot-count[data-dots="1"]').waitFor(WAIT);
    await bCtx.setOffline(false);
    await b.locator('#status[data-status=connected]').waitFor(WAIT);
    await b.locator('#vote-problem').waitFor({ state: 'hidden', ...WAIT });
    await phoneTheme(b, 'Trust').locator('.dot-count[data-dots="1"]').waitFor(WAIT);
    await phoneTheme(c, 'Trust').getByRole('button', { name: /^Give a dot/ }).click();
    await phoneTheme(c, 'Trust').locator('.dot-count[data-dots="1"]').waitFor(WAIT);
    const bNote = b.locator('#hv-notes li.vote-item').first();
    if (await bNote.count()) {
      await bNote.getByRole('button', { name: /^Give a dot/ }).click();
      await b.locator('#dots-left', { hasText: 'No dots left' }).waitFor(WAIT);
    } else {
      await phoneTheme(b, 'Trust').getByRole('button', { name: /^Give a dot/ }).click();
    }
    // B's note may be in Budgets or in Trust; either way the ranking follows the totals.
    await wall.waitForFunction(() => {
      const dots = [...document.querySelectorAll('.wall-theme')].map((el) => Number(/** @type {HTMLElement} */ (el).dataset.dots));
      return dots.reduce((x, y) => x + y, 0) === 5 && dots.every((d, i) => i === 0 || dots[i - 1] >= d);
    }, undefined, WAIT);
    // And a dot taken back moves the totals too.
    await phoneTheme(c, 'Trust').getByRole('button', { name: /^Take a dot back/ }).click();
    await wall.waitForFunction(() => {
      const dots = [...document.querySelectorAll('.wall-theme')].map((el) => Number(/** @type {HTMLElement} */ (el).dataset.dots));
      return dots.reduce((x, y) => x + y, 0) === 4;
    }, undefined, WAIT);
    await facilitator.locator('#vote-ranking li').first().waitFor(WAIT);
    await assertAccessible(wall, 'wall harvest ranking');
  });

  await t.test('a commitment made on the console shows on the wall and phones', async () => {
    await facilitator.fill('#commitment-text', 'Pilot a pooled budget for youth services');
    await facilitator.fill('#commitment-owner', 'City Council');
    await facilitator.fill('#commitment-due', '2027-03-31');
    await facilitator.locator('#commitment-theme-boxes label', { hasText: 'Budgets' }).locator('input').check();
    await facilitator.click('#commitment-save');
    const onWall = wall.locator('.wall-commitment', { hasText: 'Pilot a pooled budget for youth services' });
    await onWall.waitFor(WAIT);
    assert.match((await onWall.textContent()) ?? '', /City Council.*2027.*Budgets/);
    await phones[1].page.locator('#hv-commitments li', { hasText: 'Pilot a pooled budget' }).waitFor(WAIT);
    // Edit it.
    await facilitator.locator('.commitment', { hasText: 'Pilot a pooled budget' }).getByRole('button', { name: 'Edit' }).click();
    await facilitator.fill('#commitment-owner', 'City Council and NHS Trust');
    await facilitator.click('#commitment-save');
    await wall.locator('.wall-commitment', { hasText: 'City Council and NHS Trust' }).waitFor(WAIT);
    await screenshot(wall, 'wall-harvest');
  });

  await t.test('a co-facilitator link opens a console that can make a theme but not close the café', async () => {
    await facilitator.locator('#cofac-box summary').click();
    await facilitator.click('#cofac-share');
    await facilitator.locator('#cofac-link', { hasText: '/console#cafe=' }).waitFor(WAIT);
    const link = (await facilitator.textContent('#cofac-link')) ?? '';
    assert.doesNotMatch(link, new RegExp(created.facilitatorKey), 'the co-facilitator link is not the facilitator key');
    await facilitator.locator('#cofac-revoke').waitFor({ state: 'visible', ...WAIT });

    const coCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const co = await coCtx.newPage();
    watch(co, 'co-facilitator', problems);
    await co.goto(link);
    await co.locator('#status[data-status=connected]').waitFor(WAIT);
    await co.locator('#cofac-role').waitFor({ state: 'visible', ...WAIT });
    assert.equal(await co.locator('#close').isVisible(), false, 'no close button for a co-facilitator');
    assert.equal(await co.locator('#cofac-box').isVisible(), false, 'no key sharing for a co-facilitator');
    assert.equal(await co.locator('#console-link').isVisible(), false);
    assert.equal(await co.locator('#export-buttons').isVisible(), true, 'a co-facilitator exports too');
    await co.fill('#theme-name', 'Made by the co-facilitator');
    await co.click('#theme-form button[type=submit]');
    await facilitator.locator('.theme-card', { hasText: 'Made by the co-facilitator' }).waitFor(WAIT);
    await assertAccessible(co, 'co-facilitator console');
    // Revoked: the co-facilitator's console is signed out at once and says why.
    await facilitator.click('#cofac-revoke');
    await facilitator.locator('#cofac-state', { hasText: 'Revoked' }).waitFor(WAIT);
    await co.locator('#reopen-error', { hasText: 'no longer opens the café' }).waitFor(WAIT);
    await facilitator.locator('#cofac-revoke').waitFor({ state: 'hidden', ...WAIT });
    await coCtx.close();
    assert.equal(await facilitator.locator('#close').isVisible(), true, 'the facilitator can close');
  });

  await t.test('the café closes: phones answer the feedback form, the console counts them', async () => {
    // The form is edited before the close: a third question, moved to the top.
    await facilitator.click('#fb-add');
    await facilitator.getByLabel('Question 3', { exact: true }).fill('Would you come again?');
    await facilitator.getByRole('button', { name: 'Move question 3 up' }).click();
    await facilitator.getByRole('button', { name: 'Move question 2 up' }).click();
    await facilitator.click('#fb-save');
    await facilitator.locator('#fb-state', { hasText: 'Feedback form saved' }).waitFor(WAIT);
    await assertAccessible(facilitator, 'console feedback form editor');
    await facilitator.click('#close');
    const phone = phones[0].page;
    await phone.locator('.rating legend').first().filter({ hasText: 'Would you come again?' }).waitFor(WAIT);
    await phone.locator('#feedback-box').waitFor({ state: 'visible', ...WAIT });
    await phone.locator('#voting-state', { hasText: 'Voting is closed' }).waitFor(WAIT);
    await assertAccessible(phone, 'phone feedback form');
    await phone.locator('.rating').first().getByLabel(/^4/).check();
    await phone.locator('.text-question textarea').first().fill('Talk to housing before the next budget round');
    await phone.click('#feedback-send');
    await phone.locator('#feedback-state', { hasText: 'Thanks — you can change your answers' }).waitFor(WAIT);
    await screenshot(phone, 'phone-feedback');
    await facilitator.locator('#fb-count', { hasText: /1 (person|people) answered/ }).waitFor(WAIT);
    // Answering again replaces: still one person.
    await phone.locator('.rating').first().getByLabel(/^5/).check();
    await phone.click('#feedback-send');
    await phone.locator('#feedback-send', { hasText: 'Update my answers' }).waitFor(WAIT);
    await facilitator.waitForTimeout(500);
    assert.match((await facilitator.textContent('#fb-count')) ?? '', /^1 person answered/);
    // Closed: the board is read-only.
    assert.equal(await facilitator.locator('#theme-form').isVisible(), false);
    assert.equal(await facilitator.locator('.hv-note .pick').count(), 0);
    await assertAccessible(facilitator, 'console, café closed');
  });

  await t.test('the printable report holds the themes, the commitment and the feedback', async () => {
    const [report] = await Promise.all([
      consoleCtx.waitForEvent('page'),
      facilitator.click('#report-link'),
    ]);
    watch(report, 'report', problems);
    await report.locator('.themes h3', { hasText: 'Budgets' }).waitFor(WAIT);
    await report.locator('.commitments li', { hasText: 'City Council and NHS Trust' }).waitFor(WAIT);
    await report.locator('.feedback', { hasText: '1 form returned, without names.' }).waitFor(WAIT);
    await report.locator('.feedback', { hasText: '5.0 out of 5 from 1 rating' }).waitFor(WAIT);
    await report.locator('.feedback .note-text', { hasText: 'Talk to housing before the next budget round' }).waitFor(WAIT);
    await assertAccessible(report, 'report with the harvest');
    await screenshot(report, 'report-harvest');
    await report.close();
  });

  await t.test('no page broke or was refused by the Content-Security-Policy', () => {
    assert.deepEqual(problems, []);
  });

  for (const p of phones) await p.ctx.close();
  await wallCtx.close();
  await consoleCtx.close();
});
