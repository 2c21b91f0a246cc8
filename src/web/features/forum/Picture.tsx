import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageUploaded } from '../../../contract/forum';
import { uploadPicture } from '../../api/forum';
import { ApiProblem } from '../../api/transport';

/** Words in square brackets or on new lines would break the markdown around them. */
const cleanAlt = (alt: string) =>
  alt
    .replace(/[[\]\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * "Add a picture": choose a file, say in words what it shows (needed), then
 * it goes into the post as ![words](address). Problems are shown in words.
 */
export function AddPicture({ onInsert }: { onInsert(markdown: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<ImageUploaded | null>(null);
  const [alt, setAlt] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [altError, setAltError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setFileError(null);
    setAdded(null);
    setUploaded(null);
    if (!file) return;
    setBusy(true);
    try {
      const result = await uploadPicture(file);
      setUploaded(result);
      requestAnimationFrame(() => altInput.current?.focus());
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      setFileError(problem?.errors.image ?? problem?.title ?? t('problems.internal'));
      // The box was off while sending, so focus fell away: back to it, with its error beside it.
      requestAnimationFrame(() => fileInput.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  function insert() {
    if (!uploaded) return;
    const words = cleanAlt(alt);
    if (words.length < 3) {
      setAltError(t('forum.picture.altNeeded'));
      altInput.current?.focus();
      return;
    }
    onInsert(`![${words}](${uploaded.url})`);
    setUploaded(null);
    setAlt('');
    setAltError(null);
    setAdded(t('forum.picture.added'));
    if (fileInput.current) fileInput.current.value = '';
  }

  function cancel() {
    setUploaded(null);
    setAlt('');
    setAltError(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  const fileId = `${id}-file`;
  const fileHelpId = `${id}-file-help`;
  const fileErrorId = `${id}-file-error`;
  const altId = `${id}-alt`;
  const altHelpId = `${id}-alt-help`;
  const altErrorId = `${id}-alt-error`;

  return (
    <fieldset className="picture-box">
      <legend>{t('forum.picture.title')}</legend>
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          {t('forum.picture.choose')} <span className="field-need">{t('form.optional')}</span>
        </label>
        <p id={fileHelpId} className="field-help">
          {t('forum.picture.chooseHelp')}
        </p>
        <input
          ref={fileInput}
          id={fileId}
          name="picture"
          type="file"
          className="input file-input"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[fileHelpId, fileError ? fileErrorId : ''].filter(Boolean).join(' ')}
          onChange={(e) => void choose(e.target.files?.[0])}
          disabled={busy}
        />
        {busy && <p role="status">{t('forum.picture.sending')}</p>}
        {fileError && (
          <p id={fileErrorId} className="field-error" role="alert">
            {fileError}
          </p>
        )}
      </div>
      {uploaded && (
        <div className="picture-describe">
          <img src={uploaded.url} alt={cleanAlt(alt)} className="picture-thumb" />
          <div className="field">
            <label className="field-label" htmlFor={altId}>
              {t('forum.picture.alt')} <span className="field-need">{t('form.required')}</span>
            </label>
            <p id={altHelpId} className="field-help">
              {t('forum.picture.altHelp')}
            </p>
            <input
              ref={altInput}
              id={altId}
              name="pictureAlt"
              className="input"
              dir="auto"
              value={alt}
              onChange={(e) => {
                setAlt(e.target.value);
                if (altError && cleanAlt(e.target.value).length >= 3) setAltError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  insert();
                }
              }}
              aria-required="true"
              aria-invalid={altError ? true : undefined}
              aria-describedby={[altHelpId, altError ? altErrorId : ''].filter(Boolean).join(' ')}
            />
            {altError && (
              <p id={altErrorId} className="field-error">
                {altError}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={insert}>
              {t('forum.picture.insert')}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t('forum.picture.cancel')}
            </button>
          </div>
        </div>
      )}
      {added && <p role="status">{added}</p>}
    </fieldset>
  );
}
