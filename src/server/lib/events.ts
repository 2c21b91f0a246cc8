/**
 * Things that happened, told to listeners in this process once their change committed.
 * Modules add their own by augmenting this interface next to where they publish.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface AppEvents {}

type Listener<E extends keyof AppEvents> = (payload: AppEvents[E]) => void | Promise<void>;

export interface EventBus {
  on<E extends keyof AppEvents>(event: E, listener: Listener<E>): () => void;
  /**
   * Tells every listener, without waiting for them. Call it only after the transaction of
   * the change resolved, so nothing hears of a change that rolled back.
   */
  publish<E extends keyof AppEvents>(event: E, payload: AppEvents[E]): void;
}

/** A small typed in-process event bus; a listener that throws is logged, not the publisher's problem. */
export function createEventBus(log: { warn(obj: object, msg?: string): void }): EventBus {
  const listeners = new Map<PropertyKey, Set<(payload: unknown) => void | Promise<void>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void | Promise<void>;
      set.add(entry);
      return () => set.delete(entry);
    },
    publish(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        void Promise.resolve()
          .then(() => listener(payload))
          .catch((err) => log.warn({ err, event: String(event) }, 'event listener failed'));
      }
    },
  };
}
