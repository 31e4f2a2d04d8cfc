// @ts-check
// The address phones use to join. A laptop often opens its own console as `localhost`, which
// no phone can reach; the facilitator can then give the laptop's network address once, and
// the console and the wall (same browser, same storage) both use it for the link and QR code.

const KEY = 'flamingo.joinOrigin';

/** @param {string} host */
export function isLoopback(host) {
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host.endsWith('.localhost');
}

/** The origin phones should use: the one the facilitator gave, else this page's own. */
export function joinOrigin() {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved) return saved;
  } catch {
    // no storage: fall through
  }
  return location.origin;
}

/**
 * Saves an address typed by the facilitator; returns the origin, or null if it is not one.
 * @param {string} typed "192.168.1.20:8080" or "http://192.168.1.20:8080"
 */
export function saveJoinOrigin(typed) {
  const text = typed.trim();
  if (!text) {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing saved
    }
    return location.origin;
  }
  let url;
  try {
    url = new URL(/^https?:\/\//.test(text) ? text : `${location.protocol}//${text}`);
  } catch {
    return null;
  }
  if (!url.port && location.port && !/:\d+$/.test(text)) url.port = location.port;
  try {
    localStorage.setItem(KEY, url.origin);
  } catch {
    // kept for this page only
  }
  return url.origin;
}

/** @param {string} code */
export function joinUrl(code) {
  return `${joinOrigin()}/join/${code}`;
}

/** @param {string} code */
export function qrSrc(code) {
  return `/api/cafes/${encodeURIComponent(code)}/qr.svg?origin=${encodeURIComponent(joinOrigin())}`;
}
