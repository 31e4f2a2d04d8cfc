// @ts-check
// The address phones use to join. A laptop often opens its own console as `localhost`, which
// no phone can reach; the facilitator then gives the laptop's network address, and the
// console and the wall (same browser, same storage) both use it for the link and QR code.
// It is kept per café (by join code): next week's venue starts from this page's own address
// again, and a typo can be corrected at any time.

/** @param {string} code */
function keyFor(code) {
  return `flamingo.joinOrigin.${code}`;
}

/** @param {string} host */
export function isLoopback(host) {
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host.endsWith('.localhost');
}

/**
 * The origin phones should use for this café: the one the facilitator gave, else this page's.
 * @param {string} code
 */
export function joinOrigin(code) {
  try {
    const saved = localStorage.getItem(keyFor(code));
    if (saved) return saved;
  } catch {
    // no storage: fall through
  }
  return location.origin;
}

/**
 * Saves an address typed by the facilitator for this café; an empty one goes back to this
 * page's own. Returns the origin, or null if it is not one.
 * @param {string} typed "192.168.1.20:8080" or "http://192.168.1.20:8080"
 * @param {string} code
 */
export function saveJoinOrigin(typed, code) {
  const text = typed.trim();
  if (!text) {
    try {
      localStorage.removeItem(keyFor(code));
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
  if (!url.hostname || /\s/.test(text)) return null;
  if (!url.port && location.port && !/:\d+$/.test(text)) url.port = location.port;
  try {
    localStorage.setItem(keyFor(code), url.origin);
  } catch {
    // kept for this page only
  }
  return url.origin;
}

/** @param {string} code */
export function joinUrl(code) {
  return `${joinOrigin(code)}/join/${code}`;
}

/** @param {string} code */
export function qrSrc(code) {
  return `/api/cafes/${encodeURIComponent(code)}/qr.svg?origin=${encodeURIComponent(joinOrigin(code))}`;
}
