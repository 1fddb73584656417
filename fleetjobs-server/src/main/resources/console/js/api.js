// Calls to the control plane through /console/api with the session cookie; state-changing calls
// carry the anti-CSRF token. Errors keep the API's own message and error type.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, type, message) {
    super(message || ('The server answered ' + status + '.'));
    this.status = status;
    this.type = type || '';
  }
}

export function useSession(session) {
  csrfToken = session ? session.csrfToken : null;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? '?' + text : '';
}

async function failure(response, url) {
  let message = '';
  try {
    message = (await response.json()).message || '';
  } catch (ignored) {
    message = '';
  }
  const error = new ApiError(response.status, response.headers.get('x-amzn-ErrorType'), message);
  if (response.status === 401 && url.startsWith('/console/api')) window.dispatchEvent(new CustomEvent('fleetjobs:signed-out', { detail: error }));
  return error;
}

async function send(method, url, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-Fleetjobs-Csrf'] = csrfToken;
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response, url);
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

export const api = {
  get: (path, params) => send('GET', '/console/api' + path + query(params)),
  put: (path, body, params) => send('PUT', '/console/api' + path + query(params), body === undefined ? {} : body),
  post: (path, body, params) => send('POST', '/console/api' + path + query(params), body === undefined ? {} : body),
  patch: (path, body) => send('PATCH', '/console/api' + path, body),
  del: (path, params) => send('DELETE', '/console/api' + path + query(params)),
};

/**
 * A GET that remembers the answer's entity tag: while nothing changed, the server answers 304 with
 * no body and the remembered data is used again. Returns {data, changed}; changed is also true when
 * the answer is for another address than the one before (a page of a list the caller moved to).
 */
export function conditional() {
  const memory = new Map();
  let shown = null;
  return async function get(path, params) {
    const url = '/console/api' + path + query(params);
    const known = memory.get(url);
    const headers = { 'Accept': 'application/json' };
    if (known) headers['If-None-Match'] = known.tag;
    const response = await fetch(url, { headers, credentials: 'same-origin', cache: 'no-store' });
    const previous = shown;
    shown = url;
    if (response.status === 304 && known) return { data: known.data, changed: previous !== url };
    if (!response.ok) throw await failure(response, url);
    const data = await response.json();
    const tag = response.headers.get('ETag');
    if (tag) memory.set(url, { tag, data });
    return { data, changed: true };
  };
}

export const session = {
  current: () => send('GET', '/console/session'),
  signIn: (accessKeyId, secretAccessKey) => send('POST', '/console/session', { accessKeyId, secretAccessKey }),
  signOut: () => send('DELETE', '/console/session'),
};

export function encode(segment) {
  return encodeURIComponent(segment);
}
