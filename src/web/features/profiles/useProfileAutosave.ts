import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MyProfile } from '../../../contract/profiles';
import { updateMyProfile } from '../../api/profiles';
import { ApiProblem } from '../../api/transport';
import { meKey } from '../../session';
import {
  type FieldKey,
  type FieldValue,
  fieldLimits,
  profileKey,
  storedValue,
  updateFor,
} from './profileFields';

/** Where one field's last change stands, said in words beside the field (ACCESSIBILITY.md A8). */
export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'offline' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; title: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'tooLong' };

/** A change the server has not confirmed yet, kept on this device. */
interface Unsaved {
  value: FieldValue;
  /** When it was typed, on this device (ms): tells a newer change from the one sent. */
  changedAt: number;
}
type UnsavedFields = Partial<Record<FieldKey, Unsaved>>;

/** Text is sent once typing pauses this long; a choice from a list is sent at once. */
export const TYPING_PAUSE_MS = 1500;
const RETRY_AFTER_MS = 15_000;

const storageKey = (userId: string) => `bt.me.unsaved.${userId}`;

/** Changes not yet saved on the server, for one person on this device. */
export function readUnsaved(userId: string): UnsavedFields {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '{}');
    return value && typeof value === 'object' ? (value as UnsavedFields) : {};
  } catch {
    return {};
  }
}

function keepUnsaved(userId: string, key: FieldKey, entry: Unsaved | null) {
  const all = readUnsaved(userId);
  if (entry) all[key] = entry;
  else delete all[key];
  try {
    if (Object.keys(all).length === 0) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(all));
  } catch {
    // storage blocked or full: the words stay on screen, and the server copy is tried
  }
}

const tooLong = (key: FieldKey, value: FieldValue) =>
  typeof value === 'string' && value.length > (fieldLimits[key] ?? Number.POSITIVE_INFINITY);

/** One save at a time, across every part of the Me page, so answers arrive in order. */
let turn: Promise<unknown> = Promise.resolve();
function inTurn(task: () => Promise<void>): Promise<void> {
  const run = turn.then(task, task);
  turn = run.catch(() => undefined);
  return run;
}

function stateFor(key: FieldKey, error: unknown): SaveState {
  if (!(error instanceof ApiProblem)) return { kind: 'failed', title: String(error) };
  if (error.status === 0) return { kind: 'offline' };
  if (error.status === 401) return { kind: 'signedOut' };
  if (error.status === 400 || error.status === 422) {
    const message = error.errors[key] ?? Object.values(error.errors)[0] ?? error.title;
    return { kind: 'invalid', message };
  }
  return { kind: 'failed', title: error.title };
}

/**
 * The profile saves as the person types: each change is kept on this device
 * at once and sent to the server when typing pauses, when the field is left,
 * or when the person leaves the page. A change the server has not confirmed
 * (no connection, signed out, refused) stays on the device, is shown in its
 * field, and is sent again on the next visit, so nothing typed is lost.
 */
export function useProfileAutosave(userId: string, profile: MyProfile | undefined) {
  const client = useQueryClient();
  // What this screen shows: the person's own typing wins over the server's copy.
  const [typed, setTyped] = useState<Partial<Record<FieldKey, FieldValue>>>(() =>
    Object.fromEntries(Object.entries(readUnsaved(userId)).map(([k, u]) => [k, u?.value])),
  );
  const [states, setStates] = useState<Partial<Record<FieldKey, SaveState>>>({});
  const timers = useRef(new Map<FieldKey, ReturnType<typeof setTimeout>>());
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const show = useCallback((key: FieldKey, state: SaveState) => {
    if (alive.current) setStates((s) => ({ ...s, [key]: state }));
  }, []);

  const save = useCallback(
    (key: FieldKey): Promise<void> =>
      inTurn(async () => {
        const sent = readUnsaved(userId)[key];
        if (!sent) return;
        if (tooLong(key, sent.value)) {
          // Nothing is cut to make it fit: the words wait here until they are short enough.
          show(key, { kind: 'tooLong' });
          return;
        }
        show(key, { kind: 'saving' });
        try {
          const answer = await updateMyProfile(updateFor({ [key]: sent.value }));
          client.setQueryData(profileKey, answer);
          if (key === 'displayName' || key === 'role' || key === 'country') {
            void client.invalidateQueries({ queryKey: meKey });
          }
          const now = readUnsaved(userId)[key];
          const typedSince = now !== undefined && now.changedAt !== sent.changedAt;
          if (!typedSince) keepUnsaved(userId, key, null);
          show(key, typedSince ? { kind: 'saving' } : { kind: 'saved' });
        } catch (error) {
          const state = stateFor(key, error);
          show(key, state);
          // A refused answer waits for the person to change it; anything else is tried again.
          if (state.kind !== 'invalid' && alive.current) {
            clearTimeout(retry.current);
            retry.current = setTimeout(() => void saveAllRef.current(), RETRY_AFTER_MS);
          }
        }
      }),
    [userId, client, show],
  );

  /** Sends every change waiting on this device, from any part of the Me page. */
  const saveAll = useCallback(async () => {
    for (const key of Object.keys(readUnsaved(userId)) as FieldKey[]) {
      clearTimeout(timers.current.get(key));
      await save(key);
    }
  }, [userId, save]);
  const saveAllRef = useRef(saveAll);
  saveAllRef.current = saveAll;

  // On opening: send what an earlier visit left unsaved (a reload, a sign-in again).
  useEffect(() => {
    alive.current = true;
    void saveAll();
    const again = () => void saveAll();
    const onVisible = () => {
      if (document.visibilityState === 'visible') again();
    };
    // The tab is closing: one last try, the device copy is already kept.
    const onHide = () => {
      const unsaved = readUnsaved(userId);
      const fields = Object.fromEntries(
        Object.entries(unsaved)
          .filter(([k, u]) => u && !tooLong(k as FieldKey, u.value))
          .map(([k, u]) => [k, u?.value]),
      );
      if (Object.keys(fields).length === 0) return;
      void fetch('/api/me/profile', {
        method: 'PATCH',
        credentials: 'same-origin',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(updateFor(fields)),
      })
        .then((res) => {
          if (!res.ok) return;
          for (const [k, u] of Object.entries(unsaved)) {
            if (readUnsaved(userId)[k as FieldKey]?.changedAt === u?.changedAt) {
              keepUnsaved(userId, k as FieldKey, null);
            }
          }
        })
        .catch(() => undefined);
    };
    window.addEventListener('online', again);
    window.addEventListener('focus', again);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisible);
    const pending = timers.current;
    return () => {
      window.removeEventListener('online', again);
      window.removeEventListener('focus', again);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisible);
      // Leaving this part for another: send now rather than after the pause.
      alive.current = false;
      for (const timer of pending.values()) clearTimeout(timer);
      clearTimeout(retry.current);
      void saveAll();
    };
  }, [userId, saveAll]);

  const change = useCallback(
    (key: FieldKey, value: FieldValue, pauseMs = 0) => {
      const before = readUnsaved(userId)[key];
      keepUnsaved(userId, key, {
        value,
        changedAt: Math.max(Date.now(), (before?.changedAt ?? 0) + 1),
      });
      setTyped((v) => ({ ...v, [key]: value }));
      show(key, tooLong(key, value) ? { kind: 'tooLong' } : { kind: 'saving' });
      clearTimeout(timers.current.get(key));
      timers.current.set(
        key,
        setTimeout(() => void save(key), pauseMs),
      );
    },
    [userId, save, show],
  );

  return {
    /** What the field shows: the latest typing, else the saved value. */
    value: (key: FieldKey): FieldValue =>
      key in typed ? (typed[key] as FieldValue) : profile ? storedValue(profile, key) : null,
    change,
    state: (key: FieldKey) => states[key],
    /** The server's words for a refused change, to show beside its field. */
    error: (key: FieldKey) => {
      const state = states[key];
      return state?.kind === 'invalid' ? state.message : undefined;
    },
    /** Sends a field now: when the person leaves it. */
    flush: (key: FieldKey) => {
      clearTimeout(timers.current.get(key));
      if (readUnsaved(userId)[key]) void save(key);
    },
    /** Sends everything waiting, and tells whether all of it is saved. */
    saveAll: async () => {
      await saveAll();
      return Object.keys(readUnsaved(userId)).length === 0;
    },
    /** Drops waiting changes that no longer apply (health answers after consent is withdrawn). */
    forget: (prefix: string) => {
      for (const key of Object.keys(readUnsaved(userId)) as FieldKey[]) {
        if (!key.startsWith(prefix)) continue;
        clearTimeout(timers.current.get(key));
        keepUnsaved(userId, key, null);
      }
      setTyped((v) => Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith(prefix))));
      setStates((s) =>
        Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith(prefix))),
      );
    },
  };
}

export type ProfileAutosave = ReturnType<typeof useProfileAutosave>;
