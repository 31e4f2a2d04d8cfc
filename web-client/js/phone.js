// @ts-check
// The phone: join with the code, then the person's session (phone-session.js). The person's
// credentials live in localStorage, so a reload brings the same person back.

import { codeFromAddress, joinScreen, showJoin, storedIdentity } from './phone-join.js';
import { startSession } from './phone-session.js';

joinScreen(startSession);
const code = codeFromAddress();
const known = code ? storedIdentity(code) : null;
if (known && known.cafeId) {
  startSession(code, { as: 'participant', cafeId: known.cafeId, participantId: known.participantId, resumeToken: known.resumeToken }, known.name);
} else {
  showJoin(code);
}
