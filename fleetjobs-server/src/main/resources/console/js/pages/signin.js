import { h, replace, errorBox } from '../dom.js';
import { session } from '../api.js';

/** Sign-in: the secret goes to the server once and is never kept in the browser. */
export function renderSignIn(main, onSignedIn) {
  const id = h('input', { id: 'access-key-id', name: 'accessKeyId', autocomplete: 'username', required: true, spellcheck: 'false' });
  const secret = h('input', { id: 'secret-access-key', name: 'secretAccessKey', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { 'aria-live': 'assertive' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'panel signin', novalidate: true },
    h('h1', {}, 'Sign in to Fleetjobs'),
    h('p', { class: 'muted' }, 'Use the root key or an access key with the admin or operator role.'),
    h('div', { class: 'field' }, h('label', { for: 'access-key-id' }, 'Access key ID'), id),
    h('div', { class: 'field' }, h('label', { for: 'secret-access-key' }, 'Secret access key'), secret),
    message, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(message);
    if (!id.value.trim() || !secret.value) {
      replace(message, errorBox('Give both the access key ID and the secret access key.'));
      return;
    }
    button.disabled = true;
    try {
      const signedIn = await session.signIn(id.value.trim(), secret.value);
      secret.value = '';
      await onSignedIn(signedIn);
    } catch (e) {
      secret.value = '';
      replace(message, errorBox(e));
      secret.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(main, form);
  id.focus();
}
