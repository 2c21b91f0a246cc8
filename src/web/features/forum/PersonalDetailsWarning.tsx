import { useTranslation } from 'react-i18next';
import type { WritingCare } from '../../../contract/forum';
import { Icon, type IconName } from '../../ui/Icon';
import { RichText } from '../../ui/RichText';
import './care.css';

type PersonalDetail = WritingCare['personalDetails'][number];

const pictures: Record<PersonalDetail, IconName> = {
  phone: 'phone',
  email: 'mail',
  address: 'pin',
};

/**
 * Before posting: the words hold a phone number, an email or a home address (SAFETY.md).
 * Said beside the send button, which still works; the region is always there, so the words
 * are announced when they come, and the button points at them.
 */
export function PersonalDetailsWarning({ id, found }: { id: string; found: PersonalDetail[] }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="care-details" role="status">
      {found.length > 0 && (
        <>
          {found.map((kind) => (
            <p key={kind}>
              <Icon name={pictures[kind]} />
              <span>
                <RichText text={t(`forum.care.details.${kind}`)} />
              </span>
            </p>
          ))}
          <p>{t('forum.care.details.everyone')}</p>
          <p>{t('forum.care.details.choice')}</p>
        </>
      )}
    </div>
  );
}
