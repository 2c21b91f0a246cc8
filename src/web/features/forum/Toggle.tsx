import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../ui/Icon';

/** A one-tap toggle with aria-pressed; its state is also shown in a word, not colour alone. */
export function Toggle({
  pressed,
  onChange,
  label,
  count,
  icon,
  busy,
}: {
  pressed: boolean;
  onChange(pressed: boolean): void;
  label: string;
  count?: number | undefined;
  icon?: IconName;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ToggleButton
      className="button toggle"
      isSelected={pressed}
      onChange={onChange}
      isDisabled={busy}
    >
      {pressed ? <Icon name="check" /> : icon && <Icon name={icon} />}
      <span>{label}</span>
      {count !== undefined && <span className="count">{count}</span>}
      {pressed && (
        <span className="toggle-state" aria-hidden="true">
          {t('forum.reactions.chosen')}
        </span>
      )}
    </ToggleButton>
  );
}
