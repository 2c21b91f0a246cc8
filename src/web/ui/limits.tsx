import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A text's length as the server counts it: it trims first, then counts. */
export const lengthOf = (text: string) => text.trim().length;

/** From this share of the limit on, the room left is shown. */
const NEAR = 0.8;

export interface LengthCheck {
  /** "20 letters left", from 80% of the limit up to the limit. */
  roomLeft: string | undefined;
  /** Past the limit: a plain error that says by how much. Nothing is ever cut. */
  tooLong: string | undefined;
}

/** What a field with a limit says about its length now. Without a limit, nothing. */
export function useLengthCheck(value: string, max: number | undefined): LengthCheck {
  const { t } = useTranslation();
  if (max === undefined) return { roomLeft: undefined, tooLong: undefined };
  const length = lengthOf(value);
  const left = max - length;
  if (left < 0) return { roomLeft: undefined, tooLong: t('form.tooLong', { count: -left, max }) };
  if (length >= max * NEAR) {
    return {
      roomLeft: left === 0 ? t('form.noRoomLeft') : t('form.roomLeft', { count: left }),
      tooLong: undefined,
    };
  }
  return { roomLeft: undefined, tooLong: undefined };
}

/** 0: plenty of room; 1: from 80%; 2: from 90%; 3: full; 4: too long. */
function stepOf(length: number, max: number) {
  if (length > max) return 4;
  if (length === max) return 3;
  if (length >= max * 0.9) return 2;
  if (length >= max * NEAR) return 1;
  return 0;
}

/**
 * The room left, shown under the field, and said to screen readers only when it
 * crosses a step (80%, 90%, full, too long): never on every key.
 */
export function RoomLeft({
  id,
  value,
  max,
  text,
}: {
  id: string;
  value: string;
  max: number;
  /** The line to show, from useLengthCheck (nothing while there is plenty of room). */
  text: string | undefined;
}) {
  const { t } = useTranslation();
  const length = lengthOf(value);
  const step = stepOf(length, max);
  const lastStep = useRef(step);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (step === lastStep.current) return;
    lastStep.current = step;
    const left = max - length;
    if (step === 0) setSaid('');
    else if (step === 4) setSaid(t('form.tooLong', { count: -left, max }));
    else if (step === 3) setSaid(t('form.noRoomLeft'));
    else setSaid(t('form.roomLeft', { count: left }));
  }, [step, length, max, t]);
  return (
    <>
      {text && (
        <p id={id} className="field-help room-left">
          {text}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </>
  );
}

/** The ids a field is described by, leaving out those not on the page. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}
