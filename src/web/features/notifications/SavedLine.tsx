import { useTranslation } from 'react-i18next';
import { ProblemSummary } from '../../ui/ProblemSummary';
import type { SaveStatus, SettingsSection } from './useSettingsSaver';

/**
 * "Saving." then "Saved." under the part that changed, quiet and read out politely; its room
 * is kept, so nothing moves. A problem shows here too, next to what was changed.
 */
export function Saved({
  section,
  status,
}: {
  section: SettingsSection;
  status: SaveStatus | null;
}) {
  const { t } = useTranslation();
  const mine = status?.section === section ? status : null;
  return (
    <>
      <p className="save-status" role="status">
        {mine?.state === 'saving' && t('notifications.settings.saving')}
        {mine?.state === 'saved' && t('notifications.settings.saved')}
      </p>
      {mine?.state === 'failed' && <ProblemSummary problem={mine.problem ?? null} />}
    </>
  );
}
