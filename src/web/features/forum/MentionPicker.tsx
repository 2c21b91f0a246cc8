import { useTranslation } from 'react-i18next';
import { RichText } from '../../ui/RichText';
import type { MentionPicker as Picker } from './useMentionPicker';
import './mentions.css';

/**
 * The names that fit what follows "@", below the text box. Focus never comes here: the
 * keys work in the text box (useMentionPicker), and a tap picks a name too.
 */
export function MentionPicker({ picker }: { picker: Picker }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Always there, so screen readers already listen when the count first comes. */}
      <p className="visually-hidden" role="status">
        {picker.status}
      </p>
      {picker.open && (
        <div className="mention-picker">
          <p className="mention-hint">
            <RichText text={t('forum.mentions.hint')} />
          </p>
          <div
            role="listbox"
            id={picker.listId}
            aria-label={t('forum.mentions.listLabel')}
            className="mention-list"
          >
            {picker.members.map((member, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: its keys are the text box's (combobox)
              <div
                key={member.id}
                role="option"
                id={picker.optionId(index)}
                aria-selected={index === picker.active}
                // Never focused (aria-activedescendant points here), yet focusable by script.
                tabIndex={-1}
                className="mention-option"
                dir="auto"
                // Keeps focus, and the caret, in the text box.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => picker.pick(member)}
              >
                {member.displayName}
              </div>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
