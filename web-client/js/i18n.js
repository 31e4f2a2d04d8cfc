// @ts-check
// Every word people read goes through here: one Fluent catalogue per language (locales/*.js,
// each a Fluent resource; English is complete and the fallback for any message a language
// lacks). The language is the person's own: chosen in the picker and kept in localStorage,
// else the browser's (navigator.languages). Numbers, dates and times are formatted with Intl
// in that language.
//
// Seam for the café's default language (issue 21, server side): when the welcome carries one,
// pass it to `chooseLanguage` as `cafeDefault`; a person's own choice still wins.

import { FluentBundle, FluentResource } from '../vendor/fluent-bundle/index.js';
import english from '../locales/en.js';

/** @typedef {Record<string, string | number | Date>} Args */

/** The languages there is a catalogue for, each named in itself. */
export const LANGUAGES = /** @type {const} */ ([
  { tag: 'en', name: 'English', dir: 'ltr' },
  { tag: 'de', name: 'Deutsch', dir: 'ltr' },
  { tag: 'fr', name: 'Français', dir: 'ltr' },
  { tag: 'es', name: 'Español', dir: 'ltr' },
  { tag: 'it', name: 'Italiano', dir: 'ltr' },
  { tag: 'pt', name: 'Português', dir: 'ltr' },
  { tag: 'ar', name: 'العربية', dir: 'rtl' },
]);

const STORE = 'flamingo.language';

/**
 * A catalogue's bundle. Bidi isolation marks around placeables are only needed where the
 * page's direction can differ from a name's (a Latin name in Arabic text); left out in
 * left-to-right languages so that sentences stay plain strings.
 * @param {string} tag
 * @param {string} source the Fluent resource
 */
export function bundleOf(tag, source) {
  const rtl = LANGUAGES.some((l) => l.tag === tag && l.dir === 'rtl');
  const bundle = new FluentBundle(tag, { useIsolating: rtl });
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length) console.warn(`catalogue ${tag}:`, errors);
  return bundle;
}

const englishBundle = bundleOf('en', english);
/** The person's language first, English after it for anything missing. */
let bundles = [englishBundle];
/** @type {Set<() => void>} */
const listeners = new Set();

/** The language now in use (a tag of `LANGUAGES`). */
export function language() {
  return bundles[0].locales[0];
}

/**
 * The message `id` in the person's language, else in English, else the id itself (a test
 * fails on any id that English lacks).
 * @param {string} id
 * @param {Args} [args]
 */
export function t(id, args) {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message?.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

/**
 * Which language to use: the person's own choice, else the first of the browser's languages
 * there is a catalogue for, else the café's default, else English.
 * @param {string | null} stored
 * @param {readonly string[]} preferred navigator.languages
 * @param {string} [cafeDefault]
 */
export function chooseLanguage(stored, preferred, cafeDefault) {
  const known = (/** @type {string | null | undefined} */ tag) => LANGUAGES.find((l) => tag && l.tag === tag.toLowerCase().split('-')[0])?.tag;
  return known(stored) ?? preferred.map(known).find(Boolean) ?? known(cafeDefault) ?? 'en';
}

/** The language this browser chose or was left with. */
export function preferredLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORE);
  } catch {
    // Private mode: the browser's languages decide.
  }
  return chooseLanguage(stored, typeof navigator === 'undefined' ? [] : navigator.languages ?? []);
}

/**
 * Loads a language and makes it current: the page's `lang` and `dir`, every `data-i18n`
 * element, then whoever listens redraws.
 * @param {string} tag
 */
export async function useLanguage(tag) {
  let entry = LANGUAGES.find((l) => l.tag === tag) ?? LANGUAGES[0];
  if (entry.tag === 'en') {
    bundles = [englishBundle];
  } else {
    try {
      const source = /** @type {{ default: string }} */ (await import(`../locales/${entry.tag}.js`)).default;
      bundles = [bundleOf(entry.tag, source), englishBundle];
    } catch (e) {
      // The catalogue did not load (the link dropped mid-page): English beats a blank page.
      console.warn(`catalogue ${entry.tag} not loaded:`, e);
      entry = LANGUAGES[0];
      bundles = [englishBundle];
    }
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = entry.tag;
    document.documentElement.dir = entry.dir;
    translate(document);
  }
  for (const listener of listeners) listener();
}

/**
 * Calls `redraw` after each change of language.
 * @param {() => void} redraw
 */
export function onLanguageChange(redraw) {
  listeners.add(redraw);
}

/**
 * Words the static page: an element's `data-i18n` message gives its text (when the message
 * has a value) and its attributes (`.aria-label`, `.title`, `.placeholder`, `.content`).
 * @param {ParentNode} root
 */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const id = el.getAttribute('data-i18n') ?? '';
    const bundle = bundles.find((b) => b.hasMessage(id));
    const message = bundle?.getMessage(id);
    if (!bundle || !message) continue;
    if (message.value) el.textContent = bundle.formatPattern(message.value);
    for (const [name, pattern] of Object.entries(message.attributes)) el.setAttribute(name, bundle.formatPattern(pattern));
  }
}

/**
 * Wires a language picker (a `<select>`): the languages in their own names, the current one
 * chosen; a change is remembered on this browser and applied at once.
 * @param {HTMLSelectElement} select
 */
export function languagePicker(select) {
  select.replaceChildren(
    ...LANGUAGES.map((l) => {
      const option = document.createElement('option');
      option.value = l.tag;
      option.lang = l.tag;
      option.textContent = l.name;
      return option;
    }),
  );
  select.value = language();
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORE, select.value);
    } catch {
      // Private mode: the choice holds for this page.
    }
    useLanguage(select.value);
  });
  onLanguageChange(() => {
    select.value = language();
  });
}

/**
 * @param {number} n
 * @param {Intl.NumberFormatOptions} [options]
 */
export function formatNumber(n, options) {
  return new Intl.NumberFormat(language(), options).format(n);
}

/**
 * @param {number | Date} when
 * @param {Intl.DateTimeFormatOptions} options
 */
export function formatDate(when, options) {
  return new Intl.DateTimeFormat(language(), options).format(when);
}

/**
 * A server's refusal in the reader's words, from its stable code; the server's own (English)
 * message only when the catalogue has no words for the code.
 * @param {string} code
 * @param {string} message
 */
export function errorWords(code, message) {
  const id = `error-${code}`;
  return bundles.some((b) => b.hasMessage(id)) ? t(id) : message.charAt(0).toUpperCase() + message.slice(1);
}
