import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type {
  NotificationSettings,
  NotificationSettingsUpdate,
} from '../../../contract/notifications';
import { ApiProblem } from '../../api/transport';
import { useFormProblem } from '../../ui/useFormProblem';
import { applySettings, notificationsKeys } from './queries';

/** The parts of the settings page, each with its own calm "Saved." line. */
export type SettingsSection = 'kinds' | 'email' | 'quiet' | 'pause' | 'announce' | 'push';

export interface SaveStatus {
  section: SettingsSection;
  state: 'saving' | 'saved' | 'failed';
  /** Why it failed, in the server's plain words, shown beside the part that changed. */
  problem?: ApiProblem;
}

/**
 * Saves each change as it is made, one after another, so answers cannot overtake each other.
 * The page shows the change at once; only the answer to the last change replaces it, so a
 * tick never jumps back while a later one is on its way.
 */
export function useSettingsSaver(userId: string) {
  const client = useQueryClient();
  const form = useFormProblem();
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef(0);
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const key = notificationsKeys.settings(userId);

  function save(
    section: SettingsSection,
    send: () => Promise<NotificationSettings>,
    shown?: (now: NotificationSettings) => NotificationSettings,
  ): Promise<NotificationSettings | null> {
    form.clear();
    if (shown) client.setQueryData<NotificationSettings>(key, (now) => now && shown(now));
    setStatus({ section, state: 'saving' });
    waiting.current += 1;
    const done = queue.current.then(async () => {
      try {
        const saved = await send();
        waiting.current -= 1;
        if (waiting.current === 0) {
          applySettings(client, userId, saved);
          setStatus({ section, state: 'saved' });
        }
        return saved;
      } catch (error) {
        waiting.current -= 1;
        // Field messages go beside their fields (and take focus); the summary beside the part.
        form.capture(error);
        setStatus({
          section,
          state: 'failed',
          problem: error instanceof ApiProblem ? error : new ApiProblem(0, String(error)),
        });
        // Show what is really saved; what was typed into the fields stays.
        void client.invalidateQueries({ queryKey: key });
        return null;
      }
    });
    queue.current = done.then(() => undefined);
    return done;
  }

  return { save, status, fieldError: form.fieldError };
}

/** Saves one change to the settings; the page shows `shown` until the answer comes. */
export type Update = (
  section: SettingsSection,
  change: NotificationSettingsUpdate,
  shown?: (now: NotificationSettings) => NotificationSettings,
) => Promise<NotificationSettings | null>;
