// What other modules may ask of notifications: to tell people that something happened.
import type { Tx } from '../../db';
import type { Enqueue } from '../../lib/jobs';
import type { NotificationsDeps } from './deps';
import type { NotificationEvent } from './kinds';
import { recordEvents } from './record';

export type { NotificationEvent } from './kinds';

export interface NotificationsFace {
  /**
   * Tells the events' recipients, by the channels each chose, once per cause. Call it
   * inside the change's own transaction (`jobs.transaction`), so nobody hears of a change
   * that rolled back.
   */
  notify(tx: Tx, enqueue: Enqueue, events: NotificationEvent[]): Promise<void>;
}

export function createNotificationsFace(deps: NotificationsDeps): NotificationsFace {
  return { notify: (tx, enqueue, events) => recordEvents(deps, tx, enqueue, events) };
}

/** Where the notifications module is not wired in (a bench, a narrow test), nobody is told. */
export const nobodyIsTold: NotificationsFace = { notify: async () => {} };
