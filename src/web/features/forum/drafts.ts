import { useCallback, useEffect, useRef, useState } from 'react';
import type { WritingCare } from '../../../contract/forum';
import { forumLimits } from '../../../contract/forum-limits';
import { deleteDraft, getDraft, saveDraft } from '../../api/forum';
import { ApiProblem } from '../../api/transport';

/** Where a draft stands, said in words beside the composer (ACCESSIBILITY.md A8). */
export type DraftStatus =
  | 'empty'
  | 'saving'
  | 'saved'
  | 'offline'
  | 'signedOut'
  | 'failed'
  | 'tooLong';

/** A draft as kept on this device. Its clock is this device's clock. */
interface LocalDraft {
  title: string;
  body: string;
  /** When it was last typed in, on this device (ms). */
  updatedAt: number;
  /** Changed since the server last said "saved". */
  dirty: boolean;
  /** The server's time of the last save we know of, to tell if another device changed it. */
  serverUpdatedAt: string | null;
  /** One key per post: a double tap or a retry posts once. */
  idempotencyKey: string;
}

export const SAVE_AFTER_MS = 2000;
const RETRY_AFTER_MS = 15_000;

/** A random version 4 UUID, also where crypto.randomUUID is missing (plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const storageKey = (ownerId: string, key: string) => `bt.forum.draft.${ownerId}.${key}`;

/** The server keeps drafts up to the post limits; a longer one waits on this device. */
const fitsOnServer = (draft: { title: string; body: string }) =>
  draft.title.length <= forumLimits.title.max && draft.body.length <= forumLimits.body.max;

/** Saves on their way to the server, per draft key, so a move can wait for them. */
const savesInFlight = new Map<string, Promise<void>>();

function readLocal(ownerId: string, key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(storageKey(ownerId, key));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof value.body !== 'string' || typeof value.idempotencyKey !== 'string') return null;
    return {
      title: typeof value.title === 'string' ? value.title : '',
      body: value.body,
      updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : 0,
      dirty: value.dirty === true,
      serverUpdatedAt: typeof value.serverUpdatedAt === 'string' ? value.serverUpdatedAt : null,
      idempotencyKey: value.idempotencyKey,
    };
  } catch {
    return null;
  }
}

function writeLocal(ownerId: string, key: string, draft: LocalDraft | null) {
  try {
    if (draft) localStorage.setItem(storageKey(ownerId, key), JSON.stringify(draft));
    else localStorage.removeItem(storageKey(ownerId, key));
  } catch {
    // storage blocked or full: the server copy still keeps the words
  }
}

function statusFor(error: unknown): DraftStatus {
  if (error instanceof ApiProblem && error.status === 401) return 'signedOut';
  if (error instanceof ApiProblem && error.status === 0) return 'offline';
  return 'failed';
}

const blank = (): LocalDraft => ({
  title: '',
  body: '',
  updatedAt: 0,
  dirty: false,
  serverUpdatedAt: null,
  idempotencyKey: newIdempotencyKey(),
});

/**
 * A draft that is never lost: every change is kept on this device at once,
 * and sent to the server 2 seconds after typing stops, or when the person
 * leaves the field. Without a connection, or after the session ended, it
 * waits on the device and is sent when the connection or the person is back.
 * On opening, the newer of the device copy and the server copy wins.
 */
export function useDraft(key: string, ownerId: string) {
  const record = useRef<LocalDraft>(readLocal(ownerId, key) ?? blank());
  const [text, setText] = useState({ title: record.current.title, body: record.current.body });
  const [status, setStatus] = useState<DraftStatus>(
    record.current.dirty
      ? 'saving'
      : record.current.body || record.current.title
        ? 'saved'
        : 'empty',
  );
  // What the server's screening said of the words last saved: kept until the next answer, so
  // the support panel and the personal-details warning change only when a save says so.
  const [care, setCare] = useState<WritingCare | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const typedSinceOpen = useRef(false);
  const alive = useRef(true);

  const keep = useCallback(
    (next: LocalDraft) => {
      record.current = next;
      writeLocal(ownerId, key, next);
    },
    [ownerId, key],
  );

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
    }
    const sent = record.current;
    if (!sent.dirty) return;
    if (!fitsOnServer(sent)) {
      // Nothing is cut to make it fit: the words wait here until they are short enough.
      if (alive.current) setStatus('tooLong');
      return;
    }
    const run = (async () => {
      if (alive.current) setStatus('saving');
      try {
        const answer = await saveDraft(key, { title: sent.title, body: sent.body });
        const now = record.current;
        const unchanged = now.updatedAt === sent.updatedAt;
        keep({ ...now, dirty: !unchanged, serverUpdatedAt: answer.draft?.updatedAt ?? null });
        if (alive.current && answer.draft?.care) setCare(answer.draft.care);
        if (alive.current)
          setStatus(unchanged ? (now.body || now.title ? 'saved' : 'empty') : 'saving');
      } catch (error) {
        if (alive.current) setStatus(statusFor(error));
        // Try again later; the words stay on this device meanwhile. After the composer
        // closed, the next opening sends them (a late retry could bring back a moved draft).
        clearTimeout(timer.current);
        if (alive.current) timer.current = setTimeout(() => void save(), RETRY_AFTER_MS);
      }
    })();
    inFlight.current = run;
    savesInFlight.set(key, run);
    await run;
    inFlight.current = null;
    if (savesInFlight.get(key) === run) savesInFlight.delete(key);
    if (alive.current && record.current.dirty && record.current.updatedAt !== sent.updatedAt) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
    }
  }, [key, keep]);

  // On opening: ask the server for its copy; the newer one wins.
  useEffect(() => {
    alive.current = true;
    typedSinceOpen.current = false;
    let cancelled = false;
    const local = readLocal(ownerId, key);
    record.current = local ?? blank();
    setText({ title: record.current.title, body: record.current.body });
    setCare(null);
    getDraft(key)
      .then(({ draft: server }) => {
        if (cancelled) return;
        const mine = record.current;
        const serverTime = server ? Date.parse(server.updatedAt) : 0;
        const changedElsewhere = server !== null && server.updatedAt !== mine.serverUpdatedAt;
        const serverWins =
          server !== null &&
          changedElsewhere &&
          !typedSinceOpen.current &&
          (!mine.dirty || serverTime > mine.updatedAt);
        if (serverWins && server) {
          keep({
            title: server.title,
            body: server.body,
            updatedAt: serverTime,
            dirty: false,
            serverUpdatedAt: server.updatedAt,
            idempotencyKey: mine.idempotencyKey,
          });
          setText({ title: server.title, body: server.body });
          setStatus(server.body || server.title ? 'saved' : 'empty');
        } else if (
          server === null &&
          !mine.dirty &&
          mine.serverUpdatedAt &&
          !typedSinceOpen.current
        ) {
          // The server let it go (it was posted, maybe from another device).
          keep(blank());
          writeLocal(ownerId, key, null);
          setText({ title: '', body: '' });
          setStatus('empty');
        } else if (mine.dirty) {
          void save();
        } else {
          setStatus(mine.body || mine.title ? 'saved' : 'empty');
        }
        // The server's screening of its copy holds only while that copy is what is shown.
        const shown = record.current;
        if (server?.care && server.title === shown.title && server.body === shown.body) {
          setCare(server.care);
        }
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (record.current.dirty || record.current.body) setStatus(statusFor(error));
        if (record.current.dirty) {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), RETRY_AFTER_MS);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [ownerId, key, keep, save]);

  // Back online, or back on the page: send what waits on this device.
  useEffect(() => {
    const retry = () => {
      if (record.current.dirty) void save();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') retry();
    };
    window.addEventListener('online', retry);
    window.addEventListener('focus', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('focus', retry);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [save]);

  // Leaving the page: one last try to reach the server (the device copy is already kept).
  useEffect(
    () => () => {
      alive.current = false;
      clearTimeout(timer.current);
      if (record.current.dirty) void save();
    },
    [save],
  );

  const change = useCallback(
    (next: { title?: string; body?: string }) => {
      typedSinceOpen.current = true;
      const current = record.current;
      const updated: LocalDraft = {
        ...current,
        title: next.title ?? current.title,
        body: next.body ?? current.body,
        updatedAt: Math.max(Date.now(), current.updatedAt + 1),
        dirty: true,
      };
      keep(updated);
      setText({ title: updated.title, body: updated.body });
      setStatus((s) =>
        !fitsOnServer(updated) ? 'tooLong' : s === 'offline' || s === 'signedOut' ? s : 'saving',
      );
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [keep, save],
  );

  /** Sends the draft now: when the person leaves the field. */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (record.current.dirty) void save();
  }, [save]);

  /** Before posting: no draft save may land after the post (it would bring the draft back). */
  const settle = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    clearTimeout(timer.current);
  }, []);

  /** After posting: the draft is done; the next post gets a new key. */
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    writeLocal(ownerId, key, null);
    record.current = blank();
    setText({ title: '', body: '' });
    setStatus('empty');
    setCare(null);
  }, [ownerId, key]);

  return {
    title: text.title,
    body: text.body,
    status,
    /** The screening of the last saved words; null before the first save answers. */
    care,
    change,
    flush,
    settle,
    clear,
    idempotencyKey: () => record.current.idempotencyKey,
  };
}

/**
 * Moves a draft to another place (a new topic to another part of the forum):
 * the words go to the new key, on this device and on the server, and only
 * then leave the old key. If the new place already had words, both are kept.
 */
export function moveDraft(ownerId: string, fromKey: string, toKey: string): Promise<void> {
  // Asked twice at once (a page drawn twice), it moves once.
  const id = `${ownerId} ${fromKey} ${toKey}`;
  const running = movesInFlight.get(id);
  if (running) return running;
  const move = runMove(ownerId, fromKey, toKey).finally(() => movesInFlight.delete(id));
  movesInFlight.set(id, move);
  return move;
}

const movesInFlight = new Map<string, Promise<void>>();

async function runMove(ownerId: string, fromKey: string, toKey: string): Promise<void> {
  if (fromKey === toKey) return;
  // A save of the old draft may still be on its way (the composer just closed).
  await savesInFlight.get(fromKey)?.catch(() => undefined);
  const local = readLocal(ownerId, fromKey);
  const server = await getDraft(fromKey)
    .then((answer) => answer.draft)
    .catch(() => null);
  const serverNewer =
    server !== null &&
    server.updatedAt !== local?.serverUpdatedAt &&
    (!local?.dirty || Date.parse(server.updatedAt) > local.updatedAt);
  const from = serverNewer && server ? server : local;
  if (!from || (!from.title.trim() && !from.body.trim())) return;

  const there = readLocal(ownerId, toKey);
  const joined = {
    title: there?.title.trim() ? there.title : from.title,
    body: there?.body.trim() ? `${there.body.replace(/\s+$/, '')}\n\n${from.body}` : from.body,
  };
  const moved: LocalDraft = {
    ...(there ?? blank()),
    title: joined.title,
    body: joined.body,
    updatedAt: Math.max(Date.now(), (there?.updatedAt ?? 0) + 1),
    dirty: true,
  };
  // On this device first: from here on the words are safe under the new key.
  writeLocal(ownerId, toKey, moved);
  let savedThere = false;
  if (fitsOnServer(moved)) {
    try {
      const answer = await saveDraft(toKey, { title: moved.title, body: moved.body });
      writeLocal(ownerId, toKey, {
        ...moved,
        dirty: false,
        serverUpdatedAt: answer.draft?.updatedAt ?? null,
      });
      savedThere = true;
    } catch {
      // Kept on this device as not yet saved: the composer sends it when it can.
    }
  }
  writeLocal(ownerId, fromKey, null);
  // The old server copy goes only once the new one is there, so the words are never nowhere.
  if (savedThere) {
    await deleteDraft(fromKey).catch(() => undefined);
  }
}
