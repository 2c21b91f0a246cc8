import { type ReactNode, useEffect, useId, useRef } from 'react';
import {
  Button,
  Checkbox,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { RoomLeft, useLengthCheck } from './limits';

interface TextFieldProps {
  name: string;
  label: string;
  description?: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  multiline?: boolean;
  required?: boolean;
  /**
   * The most letters the server takes. Nothing typed is ever cut: the room left
   * shows from 80% on, and past the limit an error in words says by how much.
   */
  limit?: number;
}

/** A labelled text box with help text and its error in words right under it. */
export function TextInput(props: TextFieldProps) {
  const { t } = useTranslation();
  const roomId = useId();
  const length = useLengthCheck(props.value, props.limit);
  // Too long is what is true now; an older error from the server comes after it.
  const error = length.tooLong ?? props.error;
  const type = props.type ?? 'text';
  // What people write may be in a right-to-left language; emails and passwords are not.
  const dir = type === 'text' ? 'auto' : undefined;
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      type={type}
      autoComplete={props.autoComplete}
      aria-describedby={length.roomLeft ? roomId : undefined}
    >
      <Label className="field-label">
        {props.label}{' '}
        <span className="field-need">
          {props.required ? t('form.required') : t('form.optional')}
        </span>
      </Label>
      {props.description && (
        <Text slot="description" className="field-help">
          {props.description}
        </Text>
      )}
      {props.multiline ? (
        <TextArea className="input" rows={4} dir={dir} />
      ) : (
        <Input className="input" dir={dir} />
      )}
      {props.limit !== undefined && (
        <RoomLeft id={roomId} value={props.value} max={props.limit} text={length.roomLeft} />
      )}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

interface ChoiceProps<V extends string> {
  name: string;
  label: string;
  description?: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange(value: V): void;
  error?: string | undefined;
  required?: boolean;
}

/** One choice from a few, as big radio buttons (easy to hit with one hand). */
export function Choice<V extends string>(props: ChoiceProps<V>) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="field choice"
      name={props.name}
      value={props.value}
      onChange={(v) => props.onChange(v as V)}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
    >
      <Label className="field-label">
        {props.label}{' '}
        {props.required !== undefined && (
          <span className="field-need">
            {props.required ? t('form.required') : t('form.optional')}
          </span>
        )}
      </Label>
      {props.description && (
        <Text slot="description" className="field-help">
          {props.description}
        </Text>
      )}
      <div className="choice-options">
        {props.options.map((option) => (
          <Radio key={option.value} value={option.value} className="choice-option">
            <span className="choice-mark" aria-hidden="true" />
            <span>{option.label}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{props.error}</FieldError>
    </RadioGroup>
  );
}

interface TickProps {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | undefined;
}

/** A big tick box; its error in words is tied to it with aria-describedby. */
export function Tick(props: TickProps) {
  const errorId = `${props.name}-error`;
  return (
    <div className="field">
      <Checkbox
        className="tick"
        name={props.name}
        isSelected={props.checked}
        onChange={props.onChange}
        isInvalid={Boolean(props.error)}
        aria-describedby={props.error ? errorId : undefined}
      >
        <span className="tick-box" aria-hidden="true">
          <svg
            viewBox="0 0 24 24"
            width="24"
            height="24"
            fill="none"
            stroke="currentColor"
            strokeWidth="3"
            aria-hidden="true"
          >
            <path d="M4 12l5 5L20 6" />
          </svg>
        </span>
        <span>{props.label}</span>
      </Checkbox>
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

interface SelectProps {
  name: string;
  label: string;
  description?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  error?: string | undefined;
}

/** A native drop-down: tablets show their own large, familiar picker. */
export function Select(props: SelectProps) {
  const id = `field-${props.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [props.description ? helpId : '', props.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.description && (
        <p id={helpId} className="field-help">
          {props.description}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        className="input select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <Button type="submit" className="button button-primary" isDisabled={busy}>
      {children}
    </Button>
  );
}

/**
 * A send that failed, in words beside the button that sent it. It is an alert,
 * and it takes focus each time it says something new, so nobody misses it at
 * the top of a long page. Pass takeFocus={false} when focus goes to a field instead.
 */
export function SendProblem({
  children,
  takeFocus = true,
  attempt,
}: {
  children: ReactNode;
  takeFocus?: boolean;
  /** Changes with each failed try, so a second failure takes focus again. */
  attempt?: unknown;
}) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every new try
  useEffect(() => {
    if (takeFocus) box.current?.focus();
  }, [takeFocus, attempt]);
  return (
    <div ref={box} className="notice notice-problem send-problem" role="alert" tabIndex={-1}>
      {children}
    </div>
  );
}

/** A message that screen readers announce, in words, after saving or on a problem. */
export function Notice({ kind, children }: { kind: 'ok' | 'problem'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'problem' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
