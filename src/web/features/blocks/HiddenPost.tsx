import { useTranslation } from 'react-i18next';
import type { HiddenBecause } from '../../../contract/forum';
import { Icon } from '../../ui/Icon';
import './blocks.css';

/**
 * In place of a post or a topic whose writer I ignore or block: why it is folded away, in
 * words, and "Show it", which shows just this one (its words are already here).
 */
export function Folded({
  why,
  what,
  onShow,
}: {
  why: NonNullable<HiddenBecause>;
  what: 'post' | 'topic';
  onShow(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="folded" data-why={why}>
      <p className="folded-why">
        <Icon name="eyeOff" />
        <span>{t(`blocks.hidden.${what}`)}</span>
      </p>
      <button type="button" className="button button-quiet" onClick={onShow}>
        {t('blocks.hidden.show')}
      </button>
    </div>
  );
}
