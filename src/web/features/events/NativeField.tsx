import { useTranslation } from 'react-i18next';

/** A native date or time input: tablets show their own big picker. */
export function NativeField(props: {
  id: string;
  type: 'date' | 'time' | 'number' | 'url';
  label: string;
  help?: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const helpId = `${props.id}-help`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.help ? helpId : '', props.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}{' '}
        {props.required !== undefined && (
          <span className="field-need">
            {props.required ? t('form.required') : t('form.optional')}
          </span>
        )}
      </label>
      {props.help && (
        <p id={helpId} className="field-help">
          {props.help}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        className="input"
        value={props.value}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        onChange={(ev) => props.onChange(ev.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
