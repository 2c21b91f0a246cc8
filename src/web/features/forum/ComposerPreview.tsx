import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../ui/ReadAloud';
import { MarkdownPreview, markdownToSpeech } from './markdown-preview';

interface ComposerPreviewProps {
  kind: 'topic' | 'reply';
  /** The id of the preview itself, which the button controls. */
  id: string;
  title: string;
  body: string;
  open: boolean;
  onToggle(): void;
}

/** The post as others will see it, read aloud on request, before it is sent. */
export function ComposerPreview({ kind, id, title, body, open, onToggle }: ComposerPreviewProps) {
  const { t } = useTranslation();
  const preview = body.trim();
  return (
    <div className="preview-box">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={onToggle}
      >
        {open ? t('forum.composer.previewHide') : t('forum.composer.previewShow')}
      </button>
      <div id={id} hidden={!open} className="preview">
        {open &&
          (preview ? (
            <>
              <h3>{t('forum.composer.previewTitle')}</h3>
              {kind === 'topic' && title && (
                <p className="preview-title" dir="auto">
                  <strong>{title}</strong>
                </p>
              )}
              <div className="post-body" dir="auto">
                <MarkdownPreview markdown={body} />
              </div>
              <ReadAloud
                text={`${kind === 'topic' ? `${title}. ` : ''}${markdownToSpeech(body)}`}
                label={t('forum.composer.previewTitle')}
              />
            </>
          ) : (
            <p>{t('forum.composer.previewEmpty')}</p>
          ))}
      </div>
    </div>
  );
}
