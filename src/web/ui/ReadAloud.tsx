import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../preferences';
import { Icon } from './Icon';
import { plain } from './RichText';

function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Reads a block of text aloud with the browser's voice, at the person's chosen speed. */
export function ReadAloud({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const { preferences } = usePreferences();
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    return () => {
      if (speaking && speechAvailable()) window.speechSynthesis.cancel();
    };
  }, [speaking]);

  if (!speechAvailable()) return null;

  const start = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(plain(text));
    utterance.rate = preferences.readAloudRate;
    utterance.lang = document.documentElement.lang || 'en';
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  const stop = () => {
    window.speechSynthesis.cancel();
    setSpeaking(false);
  };

  return (
    <Button
      className="button button-quiet read-aloud"
      onPress={speaking ? stop : start}
      aria-label={label && !speaking ? `${t('readAloud.start')}: ${label}` : undefined}
    >
      <Icon name={speaking ? 'stop' : 'speaker'} />
      <span>{speaking ? t('readAloud.stop') : t('readAloud.start')}</span>
    </Button>
  );
}
