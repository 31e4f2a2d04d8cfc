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
