// @ts-check
// One websocket to the café, kept alive: hello with the stored credentials and the cursor,
// resume or snapshot, automatic reconnect with exponential backoff and jitter, app-level
// pings to notice a dead link (and to learn the server's clock), and commands answered by
// `ack` or `error` matched on `requestId` (docs/protocol.md §4, §11, §12, §14).

/** @typedef {import('../src/protocol').ClientMessage} ClientMessage */
/** @typedef {import('../src/protocol').ServerMessage} ServerMessage */
/** @typedef {import('../src/protocol').Auth} Auth */
/** @typedef {import('../src/protocol').Command} Command */
/** @typedef {import('../src/protocol').Update} Update */
/** @typedef {import('../src/protocol').You} You */
/** @typedef {import('../src/protocol').ErrorCode} ErrorCode */

/**
 * @typedef {'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped'} LinkStatus
 * @typedef {{ ok: true, seq: number, duplicate: boolean } | { ok: false, code: ErrorCode | 'offline', message: string }} Answer
 * @typedef {{ kind: 'snapshot' } | { kind: 'update', update: Update, at: number, live: boolean } | { kind: 'presence' }} Change
 * @typedef {object} ClientOptions
 * @property {() => Auth} auth who we are; asked again at every connection
 * @property {(change: Change) => void} onChange the mirror changed
 * @property {(status: LinkStatus) => void} onStatus
 * @property {(you: You, cafeId: string) => void} [onWelcome]
 * @property {(code: ErrorCode, message: string) => void} [onRefused] the hello was refused for good
 * @property {(code: number, reason: string) => void} [onClosedForGood] closed with a 45xx code
 * @property {() => void} [onSynced] live from here on
 */

import { Mirror } from './mirror.js';

const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** After a 4003 ("you sent far too much") wait at least this long. */
const RATE_LIMITED_BACKOFF_MS = 5_000;
const PING_EVERY_MS = 20_000;
/** No pong in this long: the link is dead even if the socket has not noticed. */
const PONG_TIMEOUT_MS = 8_000;

/**
 * Exponential backoff with jitter: half the doubled delay fixed, half random, so that a room
 * full of phones coming back from a Wi-Fi drop spread their reconnects.
 * @param {number} attempt 0 for the first retry
 */
export function backoffMs(attempt) {
  const cap = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(attempt, 16));
  return cap / 2 + Math.random() * (cap / 2);
}

export class CafeClient {
  /** @param {ClientOptions} options */
  constructor(options) {
    this.options = options;
    this.mirror = new Mirror();
    /** @type {WebSocket | null} */
    this.socket = null;
    /** @type {LinkStatus} */
    this.status = 'connecting';
    /** Server clock minus local clock, in ms. */
    this.offsetMs = 0;
    this.synced = false;
    this.attempt = 0;
    this.nextRequestId = 1;
    /** @type {number | undefined} */
    this.helloId = undefined;
    /** @type {Map<number, (answer: Answer) => void>} */
    this.pending = new Map();
    /** @type {Map<number, number>} ping requestId → local send time */
    this.pings = new Map();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.retryTimer = undefined;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.pingTimer = undefined;
    this.stopped = false;
    window.addEventListener('offline', () => this.dropSocket('offline'));
    window.addEventListener('online', () => this.connectNow());
    document.addEventListener('visibilitychange', () => {
      // A phone waking up: check the link at once instead of trusting a socket that slept.
      if (document.visibilityState !== 'visible') return;
      if (this.socket?.readyState === WebSocket.OPEN) this.ping();
      else this.connectNow();
    });
  }

  start() {
    if (navigator.onLine === false) this.setStatus('offline');
    else this.open();
  }

  /** Stops for good: no reconnects (a removed participant, a refused key). */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.detach()?.close(1000);
    this.setStatus('stopped');
  }

  /**
   * Sends a command; resolves with its ack or error, or at once with `offline` when there is
   * no live connection. Never rejects.
   * @param {Command} command
   * @returns {Promise<Answer>}
   */
  send(command) {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || !this.synced) {
      return Promise.resolve({ ok: false, code: 'offline', message: 'not connected' });
    }
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.write({ type: 'command', requestId, command });
    });
  }

  /** @param {LinkStatus} status */
  setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus(status);
  }

  connectNow() {
    if (this.stopped || navigator.onLine === false) return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  }

  open() {
    if (this.stopped) return;
    this.setStatus(this.mirror.loaded ? 'reconnecting' : 'connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    this.socket = socket;
    this.synced = false;
    socket.onopen = () => {
      this.helloId = this.nextRequestId++;
      /** @type {ClientMessage} */
      const hello = { type: 'hello', requestId: this.helloId, auth: this.options.auth() };
      if (this.mirror.cursor) hello.since = this.mirror.cursor;
      this.write(hello);
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      /** @type {ServerMessage} */
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      this.receive(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.detach();
      if (event.code >= 4500 && event.code <= 4999) {
        this.stopped = true;
        this.setStatus('stopped');
        this.options.onClosedForGood?.(event.code, event.reason);
        return;
      }
      this.scheduleRetry(event.code === 4003 ? RATE_LIMITED_BACKOFF_MS : 0);
    };
  }

  /** @param {ClientMessage} message */
  write(message) {
    this.socket?.send(JSON.stringify(message));
  }

  /**
   * Forgets the current socket without reacting to its close, and fails its pending commands.
   * @returns {WebSocket | null} the socket, to close if wanted
   */
  detach() {
    const socket = this.socket;
    this.socket = null;
    this.synced = false;
    clearInterval(this.pingTimer);
    this.pings.clear();
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
    }
    for (const resolve of this.pending.values()) {
      resolve({ ok: false, code: 'offline', message: 'the connection dropped' });
    }
    this.pending.clear();
    return socket;
  }

  /** @param {'offline' | 'dead'} why */
  dropSocket(why) {
    this.detach()?.close(1000);
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    if (why === 'offline' || navigator.onLine === false) this.setStatus('offline');
    else this.scheduleRetry(0);
  }

  /** @param {number} atLeastMs */
  scheduleRetry(atLeastMs) {
    if (this.stopped) return;
    if (navigator.onLine === false) {
      // The 'online' event reconnects; retrying before it only burns battery.
      this.setStatus('offline');
      return;
    }
    this.setStatus('reconnecting');
    const delay = Math.max(atLeastMs, backoffMs(this.attempt));
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  ping() {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const requestId = this.nextRequestId++;
    this.pings.set(requestId, Date.now());
    this.write({ type: 'ping', requestId });
    setTimeout(() => {
      if (this.socket === socket && this.pings.has(requestId)) this.dropSocket('dead');
    }, PONG_TIMEOUT_MS);
  }

  /** @param {ServerMessage} m */
  receive(m) {
    switch (m.type) {
      case 'welcome':
        this.offsetMs = m.serverTime - Date.now();
        this.mirror.welcome(m.epoch);
        // A resume keeps the cursor's epoch; a snapshot will set it otherwise.
        this.options.onWelcome?.(m.you, m.cafeId);
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
        this.ping();
        break;
      case 'snapshot':
        this.mirror.snapshot(m.epoch, m.seq, m.cafe);
        this.options.onChange({ kind: 'snapshot' });
        break;
      case 'event':
        if (this.mirror.event(m.seq, m.part ?? 0, m.at, m.update)) {
          this.options.onChange({ kind: 'update', update: m.update, at: m.at, live: this.synced });
        }
        break;
      case 'synced':
        this.mirror.synced(m.seq);
        this.synced = true;
        this.attempt = 0;
        this.setStatus('connected');
        this.options.onSynced?.();
        break;
      case 'presence':
        if (m.connected) this.mirror.connected.add(m.participantId);
        else this.mirror.connected.delete(m.participantId);
        this.options.onChange({ kind: 'presence' });
        break;
      case 'presenceList':
        this.mirror.connected = new Set(m.connected);
        this.options.onChange({ kind: 'presence' });
        break;
      case 'pong': {
        const sent = m.requestId === undefined ? undefined : this.pings.get(m.requestId);
        if (sent === undefined || m.requestId === undefined) break;
        this.pings.delete(m.requestId);
        const now = Date.now();
        if (now - sent < 2_000) this.offsetMs = m.serverTime - (sent + now) / 2;
        break;
      }
      case 'ack':
        this.answer(m.requestId, { ok: true, seq: m.seq, duplicate: m.duplicate });
        break;
      case 'error':
        if (m.requestId !== undefined && m.requestId === this.helloId) {
          this.helloRefused(m.code, m.message);
        } else {
          this.answer(m.requestId, { ok: false, code: m.code, message: m.message });
        }
        break;
    }
  }

  /**
   * @param {number | undefined} requestId
   * @param {Answer} answer
   */
  answer(requestId, answer) {
    if (requestId === undefined) return;
    const resolve = this.pending.get(requestId);
    this.pending.delete(requestId);
    resolve?.(answer);
  }

  /**
   * @param {ErrorCode} code
   * @param {string} message
   */
  helloRefused(code, message) {
    if (code === 'unavailable' || code === 'rateLimited') {
      this.dropSocket('dead');
      return;
    }
    this.stop();
    this.options.onRefused?.(code, message);
  }
}
