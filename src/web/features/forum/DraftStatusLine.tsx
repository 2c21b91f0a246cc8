import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import type { DraftStatus } from './drafts';

/** "Saved", "Saving", or why not yet, always in words (never a colour or a spinner alone). */
export function DraftStatusLine({ id, status }: { id: string; status: DraftStatus }) {
  const { t } = useTranslation();
  return (
    <p id={id} className={`draft-status draft-${status}`} role="status">
      {status !== 'empty' && status !== 'saving' && status !== 'saved' && <Icon name="device" />}
      <span>{t(`forum.draft.${status}`)}</span>
    </p>
  );
}
