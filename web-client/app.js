// @ts-check
/** @typedef {import('./src/protocol').CreateCafeRequest} CreateCafeRequest */
/** @typedef {import('./src/protocol').CreateCafeResponse} CreateCafeResponse */
/** @typedef {import('./src/protocol').ErrorBody} ErrorBody */

const form = /** @type {HTMLFormElement} */ (document.getElementById('create-form'));
const errorBox = /** @type {HTMLElement} */ (document.getElementById('create-error'));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.hidden = true;
  const data = new FormData(form);
  const minutes = Number(data.get('minutes'));
  /** @type {CreateCafeRequest} */
  const request = {
    title: String(data.get('title') ?? ''),
    tableSize: Number(data.get('tableSize')),
    rounds: String(data.get('questions') ?? '')
      .split('\n')
      .map((q) => q.trim())
      .filter((q) => q.length > 0)
      .map((question) => ({ question, minutes })),
  };
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button'));
  button.disabled = true;
  button.textContent = 'Creating…';
  try {
    const response = await fetch('/api/cafes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = await response.json();
    if (!response.ok) {
      showError(/** @type {ErrorBody} */ (body).message);
      return;
    }
    const created = /** @type {CreateCafeResponse} */ (body);
    // textContent, never innerHTML: nothing from the network becomes markup.
    /** @type {HTMLElement} */ (document.getElementById('join-code')).textContent = created.joinCode;
    /** @type {HTMLElement} */ (document.getElementById('facilitator-key')).textContent = created.facilitatorKey;
    /** @type {HTMLElement} */ (document.getElementById('create')).hidden = true;
    /** @type {HTMLElement} */ (document.getElementById('created')).hidden = false;
  } catch {
    showError('Could not reach the Flamingo server. Check that it is running, then try again.');
  } finally {
    button.disabled = false;
    button.textContent = 'Create café';
  }
});

/** @param {string} message */
function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}
