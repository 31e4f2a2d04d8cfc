// @ts-check
// Form errors per field: the message under the field, in people's words, tied to it with
// aria-describedby and aria-invalid, and focus on the first field in error. The message
// element is made next to the field on first use and stays, so the same error said twice is
// said twice (it is emptied first).

import { h } from './dom.js';

/** Numbers the fields that had no id, so each one's message has its own. */
let unnamed = 0;

/**
 * Shows `message` as the error of `field` (or clears it when empty).
 * @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} field
 * @param {string} message
 */
export function fieldError(field, message) {
  if (!field.id) field.id = `field-${(unnamed += 1)}`;
  const id = `${field.id}-error`;
  let box = document.getElementById(id);
  if (!box) {
    box = h('p', { id, class: 'field-error', role: 'alert' });
    (field.closest('label') ?? field).after(box);
  }
  box.textContent = '';
  const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (message) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [...described, id].join(' '));
    // After the empty text is seen, so the same message is spoken again.
    setTimeout(() => {
      if (box) box.textContent = message;
    }, 50);
  } else {
    field.removeAttribute('aria-invalid');
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }
}

/**
 * Clears every field error in a form.
 * @param {HTMLFormElement} form
 */
export function clearErrors(form) {
  for (const field of form.querySelectorAll('[aria-invalid="true"]')) {
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) fieldError(field, '');
  }
}

/**
 * Keeps a text field under `max` characters with a visible counter, and says so when typed or
 * pasted text was cut, rather than cutting silently as `maxlength` does.
 * @param {HTMLTextAreaElement | HTMLInputElement} field
 * @param {HTMLElement} counter
 * @param {number} max
 * @param {(count: number, max: number) => string} words the counter's text
 * @param {(max: number) => string} cut the message when text was cut
 */
export function limitLength(field, counter, max, words, cut) {
  field.removeAttribute('maxlength');
  const update = () => {
    if (field.value.length > max) {
      field.value = field.value.slice(0, max);
      fieldError(field, cut(max));
    } else if (field.getAttribute('aria-invalid') === 'true' && field.value.length < max) {
      fieldError(field, '');
    }
    counter.textContent = words(field.value.length, max);
  };
  field.addEventListener('input', update);
  update();
  return update;
}
