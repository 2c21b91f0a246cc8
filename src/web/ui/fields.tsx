import type { ReactNode } from 'react';
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
}

/** A labelled text box with help text and its error in words right under it. */
export function TextInput(props: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete}
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
      {props.multiline ? <TextArea className="input" rows={4} /> : <Input className="input" />}
      <FieldError className="field-error">{props.error}</FieldError>
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

/** A message that screen readers announce, in words, after saving or on a problem. */
export function Notice({ kind, children }: { kind: 'ok' | 'problem'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'problem' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
