// The message catalogues without a browser: every message the client asks for is in English;
// every language has every English message (and its attributes and variables) and nothing
// else; no sentence is left written in place in the client's scripts or pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '../../web-client/vendor/fluent-bundle/index.js';
import { fileURLToPath } from 'node:url';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web-client');
const TAGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'ar'];

/** @param {string} tag */
async function catalogue(tag) {
  const source = (await import(`../../web-client/locales/${tag}.js`)).default;
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(tag, { useIsolating: false });
  const errors = bundle.addResource(resource);
  return { resource, bundle, errors };
}

/**
 * Each message's shape: whether it has a value, its attributes, and the variables it uses.
 * @param {FluentResource} resource
 */
function shapes(resource) {
  /** @type {Map<string, { value: boolean, attributes: string[], variables: string[] }>} */
  const out = new Map();
  for (const message of resource.body) {
    if (message.id.startsWith('-')) continue;
    const variables = new Set();
    const walk = (/** @type {unknown} */ node) => {
      if (!node || typeof node !== 'object') return;
      const n = /** @type {Record<string, unknown>} */ (node);
      if (n.type === 'var' && typeof n.name === 'string') variables.add(n.name);
      for (const v of Object.values(n)) walk(v);
    };
    walk(message.value);
    walk(message.attributes);
    out.set(message.id, { value: message.value !== null, attributes: Object.keys(message.attributes).sort(), variables: [...variables].sort() });
  }
  return out;
}

const files = (/** @type {string} */ dir, /** @type {string} */ ext) =>
  readdirSync(path.join(WEB, dir)).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
const SCRIPTS = files('js', '.js');
const PAGES = files('.', '.html');

/** Comments out, so that only code is read. */
const code = (/** @type {string} */ source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');

/** The ids the client asks for: `t('id'`, `t(cond ? 'a' : 'b'`, and `data-i18n="id"` in pages. */
function usedIds() {
  const ids = new Set();
  for (const file of SCRIPTS) {
    const source = code(readFileSync(path.join(WEB, file), 'utf8'));
    for (const call of source.matchAll(/\bt\(([^()]*?)(?:,|\))/g)) {
      for (const id of call[1].trim().matchAll(/(?:^|[?:]\s*)'([a-z][a-z0-9-]*[a-z0-9])'/g)) ids.add(id[1]);
    }
  }
  for (const file of PAGES) {
    for (const id of readFileSync(path.join(WEB, file), 'utf8').matchAll(/data-i18n="([^"]+)"/g)) ids.add(id[1]);
  }
  return ids;
}

test('every catalogue parses without errors', async () => {
  for (const tag of TAGS) {
    const { errors, resource } = await catalogue(tag);
    assert.deepEqual(errors, [], `${tag}: ${errors.join('; ')}`);
    assert.ok(resource.body.length > 100, `${tag} has messages`);
  }
});

test('every message the client asks for is in English', async () => {
  const english = shapes((await catalogue('en')).resource);
  const missing = [...usedIds()].filter((id) => !english.has(id));
  assert.equal(missing.length, 0, `ids used in web-client but missing from locales/en.js: ${missing.join(', ')}`);
  // Ids made at run time from a code or a state: each of them exists.
  const madeAtRunTime = ['status-connecting', 'status-connected', 'status-reconnecting', 'status-offline', 'status-stopped', 'c-default-question-1', 'c-default-question-2', 'c-default-question-3'];
  for (const id of madeAtRunTime) assert.ok(english.has(id), id);
  const protocol = readFileSync(path.join(WEB, 'src/protocol.ts'), 'utf8');
  const codes = [...(protocol.match(/export type ErrorCode = ([^;]+);/)?.[1] ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1]);
  assert.ok(codes.length > 10, 'ErrorCode found in protocol.ts');
  for (const code of codes) assert.ok(english.has(`error-${code}`), `no words for the error code ${code}`);
  for (const colour of ['red', 'blue', 'green', 'purple', 'orange', 'teal', 'pink', 'brown', 'indigo', 'olive', 'slate', 'sky-blue']) {
    assert.ok(english.has(`colour-${colour}`), colour);
  }
});

test('every language has exactly the English messages, attributes and variables', async () => {
  const english = shapes((await catalogue('en')).resource);
  for (const tag of TAGS.slice(1)) {
    const other = shapes((await catalogue(tag)).resource);
    const missing = [...english.keys()].filter((id) => !other.has(id));
    assert.deepEqual(missing, [], `${tag} lacks these messages`);
    const extra = [...other.keys()].filter((id) => !english.has(id));
    assert.deepEqual(extra, [], `${tag} has messages English does not`);
    for (const [id, shape] of english) {
      const theirs = other.get(id);
      assert.equal(theirs?.value, shape.value, `${tag} ${id}: value`);
      assert.deepEqual(theirs?.attributes, shape.attributes, `${tag} ${id}: attributes`);
      // A translation may leave out a variable a plural form makes plain ("one dot"), never add one.
      for (const v of theirs?.variables ?? []) assert.ok(shape.variables.includes(v), `${tag} ${id}: unknown variable $${v}`);
    }
  }
});

/**
 * Text that is code, not words for people: class lists, selectors, the Authorization scheme,
 * the developer's message of an `offline` answer (people read `error-offline`), and the
 * language picker's names (each language named in itself, on purpose).
 * @param {string} line
 */
const withoutCode = (line) =>
  line
    .replace(/\bclass: (['`])[^'`]*\1/g, '')
    .replace(/classList\.\w+\([^)]*\)/g, '')
    .replace(/querySelector(All)?\((['`])[^'`]*\2\)/g, '')
    .replace(/`Bearer \$\{\w+\}`/g, '')
    .replace(/code: 'offline', message: '[^']*'/g, '');

test('no sentence is written in place in the client scripts', () => {
  const found = [];
  for (const file of SCRIPTS.filter((f) => f !== path.join('js', 'i18n.js'))) {
    const lines = code(readFileSync(path.join(WEB, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (/throw new Error|console\.(warn|error|log)/.test(line)) return;
      for (const m of withoutCode(line).matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"/g)) {
        const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ').trim();
        // Words: a capitalised word, or two words with a space between.
        if (/^[A-Z][a-z]+\b/.test(text) || /[A-Za-z]{2,}[,.:;!?…]? +[A-Za-z]{2,}/.test(text)) found.push(`${file}:${i + 1}: ${text}`);
      }
    });
  }
  assert.equal(found.length, 0, `put these in locales/en.js and ask for them with t():\n${found.join('\n')}`);
});

test('no words are written in place in the pages', () => {
  const found = [];
  for (const file of PAGES) {
    const html = readFileSync(path.join(WEB, file), 'utf8');
    // Text between tags must sit in an element with data-i18n (the brand name aside).
    for (const m of html.matchAll(/<(\w+)([^>]*)>([^<]*[A-Za-z][^<]*)</g)) {
      if (['script', 'style'].includes(m[1]) || m[3].trim() === 'Flamingo' || /data-i18n=/.test(m[2])) continue;
      found.push(`${file}: <${m[1]}${m[2]}>${m[3].trim()}`);
    }
    for (const m of html.matchAll(/<(\w+)([^>]*\s(?:aria-label|placeholder|alt|title)="[^"]*[A-Za-z][^"]*"[^>]*)>/g)) {
      if (!/data-i18n=/.test(m[2])) found.push(`${file}: <${m[1]}${m[2]}> has an attribute in words`);
    }
  }
  assert.equal(found.length, 0, `give these elements a data-i18n message:\n${found.join('\n')}`);
});
