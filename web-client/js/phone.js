// @ts-check
// The phone: join with the code, then the person's session (phone-session.js). The person's
// credentials live in localStorage, so a reload brings the same person back.

import { codeFromAddress, joinScreen, showJoin, storedIdentity } from './phone-join.js';
import { startSession } from './phone-session.js';
import { languagePicker, preferredLanguage, useLanguage } from './i18n.js';
import { byId } from './dom.js';

// Worded before anything is drawn, so nobody sees the page switch language.
await useLanguage(preferredLanguage());
languagePicker(byId('language', HTMLSelectElement));

joinScreen(startSession);
const code = codeFromAddress();
const known = code ? storedIdentity(code) : null;
if (known && known.cafeId) {
  startSession(code, { as: 'participant', cafeId: known.cafeId, participantId: known.participantId, resumeToken: known.resumeToken }, known.name);
} else {
  showJoin(code);
}

// The app shell works offline once seen online (sw.js); a browser without service workers, or
// a page not served over https or from localhost, simply goes without.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').then(
    () => navigator.serviceWorker.ready.then((reg) => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name);
      reg.active?.postMessage({ type: 'keep', urls: [location.pathname, ...urls] });
    }),
    () => {},
  );
}
