import { useTranslation } from 'react-i18next';

const starterKeys = ['today', 'helps', 'worried'] as const;

/** Ways to begin a sentence, one tap each, for people who find starting hard (A8). */
export function SentenceStarters({ onInsert }: { onInsert: (words: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="starters">
      <legend>{t('forum.composer.startersLabel')}</legend>
      <div className="starter-buttons">
        {starterKeys.map((key) => (
          <button
            key={key}
            type="button"
            className="button button-quiet"
            onClick={() => onInsert(t(`forum.composer.starters.${key}.insert`))}
          >
            {t(`forum.composer.starters.${key}.label`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
