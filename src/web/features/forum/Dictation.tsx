import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/** Browsers that offer dictation name it one of two ways; others have none. */
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  start(): void;
  stop(): void;
  onresult:
    | ((event: {
        resultIndex: number;
        results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
      }) => void)
    | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}
type RecognitionClass = new () => Recognition;

function speechRecognition(): RecognitionClass | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as {
    SpeechRecognition?: RecognitionClass;
    webkitSpeechRecognition?: RecognitionClass;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export type DictationState = ReturnType<typeof useDictation>;

/** Speaking instead of typing, where the browser offers it; stops when the composer goes. */
export function useDictation() {
  const { t } = useTranslation();
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const Dictation = speechRecognition();

  useEffect(() => () => recognition.current?.stop(), []);

  /** Starts listening (each finished phrase goes to onWords), or stops. */
  function toggle(onWords: (words: string) => void) {
    if (!Dictation) return;
    if (listening) {
      recognition.current?.stop();
      return;
    }
    setProblem(null);
    const r = new Dictation();
    r.lang = document.documentElement.lang || 'en';
    r.continuous = true;
    r.interimResults = false;
    r.onresult = (event) => {
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result?.isFinal) onWords(result[0].transcript.trim());
      }
    };
    r.onend = () => setListening(false);
    r.onerror = () => {
      setListening(false);
      setProblem(t('forum.composer.dictationProblem'));
    };
    recognition.current = r;
    try {
      r.start();
      setListening(true);
    } catch {
      setProblem(t('forum.composer.dictationProblem'));
    }
  }

  return { available: Dictation !== null, listening, problem, toggle };
}

/** The dictation button, and what it is doing, in words. */
export function DictationControls({
  dictation,
  onWords,
}: {
  dictation: DictationState;
  onWords: (words: string) => void;
}) {
  const { t } = useTranslation();
  if (!dictation.available) return null;
  const { listening, problem } = dictation;
  return (
    <div className="dictation">
      <button type="button" className="button" onClick={() => dictation.toggle(onWords)}>
        <Icon name={listening ? 'stop' : 'mic'} />
        <span>{listening ? t('forum.composer.dictationStop') : t('forum.composer.dictation')}</span>
      </button>
      {listening && <p role="status">{t('forum.composer.listening')}</p>}
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}
