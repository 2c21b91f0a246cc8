import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Preferences } from '../contract/preferences';
import { completePreferences } from '../contract/values';
import { savePreferences } from './api/accounts';
import { useMe, useSetMe } from './session';

const STORAGE_KEY = 'bt.preferences';
const baseFontPx = { standard: 18, large: 22, largest: 26 } as const;

function readLocal(): Preferences {
  try {
    return completePreferences(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return completePreferences({});
  }
}

/** Puts the preferences on the page at once: CSS variables and data attributes on <html>. */
export function applyPreferences(prefs: Preferences, root = document.documentElement) {
  root.style.setProperty('--font-size-base', `${baseFontPx[prefs.textSize]}px`);
  root.dataset.textSize = prefs.textSize;
  root.dataset.contrast = prefs.highContrast ? 'high' : 'standard';
  root.dataset.motion = prefs.reducedMotion || prefs.lowStimulus ? 'reduced' : 'standard';
  root.dataset.easyRead = String(prefs.easyRead);
  root.dataset.lowStimulus = String(prefs.lowStimulus);
  root.dataset.pictures = prefs.pictures ? 'on' : 'off';
}

interface PreferencesContextValue {
  preferences: Preferences;
  /** Changes one preference now; saved on this device, and with the person when signed in. */
  setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): Promise<void>;
  signedIn: boolean;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const setMe = useSetMe();
  const user = me.data?.user ?? null;
  const [preferences, setPreferences] = useState<Preferences>(readLocal);

  // Signed in, the person's saved preferences follow them from device to device.
  useEffect(() => {
    if (user) setPreferences(user.preferences);
  }, [user]);

  useEffect(() => {
    applyPreferences(preferences);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
    } catch {
      // storage blocked: the preferences still apply for this visit
    }
  }, [preferences]);

  const setPreference = useCallback(
    async <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
      setPreferences((current) => ({ ...current, [key]: value }));
      if (user) {
        const saved = await savePreferences({ [key]: value });
        await setMe({ user: { ...user, preferences: saved } });
      }
    },
    [user, setMe],
  );

  return (
    <PreferencesContext.Provider value={{ preferences, setPreference, signedIn: user !== null }}>
      {children}
    </PreferencesContext.Provider>
  );
}

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs a PreferencesProvider');
  return value;
}

/** Local preferences, to send along at sign-up so nobody is asked twice. */
export function localPreferences(): Preferences {
  return readLocal();
}
