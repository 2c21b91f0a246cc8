import { useEffect, useState } from 'react';

/**
 * State kept in sessionStorage, so what a person typed survives a reload or a
 * visit to another page and back (nothing typed is ever lost).
 */
export function useStoredState<T>(key: string, initial: T) {
  const storageKey = `bt.form.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      return stored ? { ...initial, ...JSON.parse(stored) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // storage full or blocked: the form still works, it just is not kept
    }
  }, [storageKey, value]);
  const clear = () => sessionStorage.removeItem(storageKey);
  return [value, setValue, clear] as const;
}
