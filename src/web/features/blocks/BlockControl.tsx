import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Block, BlockBody } from '../../../contract/blocks';
import {
  type BlockDays,
  type BlockStrength,
  blockStrengths,
} from '../../../contract/blocks-values';
import { setBlock, stopBlock } from '../../api/blocks';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/Icon';
import { RichText } from '../../ui/RichText';
import { blocksKeys, useBlockAbout } from './queries';
import './blocks.css';

/** A picture for each strength, from the app's own icon set; the words always come with it. */
export const strengthIcons: Record<BlockStrength, IconName> = {
  mute: 'bellOff',
  ignore: 'eyeOff',
  block: 'block',
};

const times = ['1', '7', '30', 'forGood'] as const;
type Time = (typeof times)[number];
const toDays = (time: Time): BlockDays =>
  time === 'forGood' ? null : (Number(time) as 1 | 7 | 30);

/** How long a choice was made for: its end less its start, in days. */
function timeOf(block: Block): Time {
  if (!block.until) return 'forGood';
  const days = Math.round((Date.parse(block.until) - Date.parse(block.since)) / 86_400_000);
  return times.find((time) => time === String(days)) ?? '7';
}

/** A moment in words, in the person's own way of writing dates ("3 March 2027 at 09:30"). */
export function longDate(iso: string): string {
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** What I chose about this person now, in words: what, and until when. */
export function BlockState({ block, name }: { block: Block; name: string }) {
  const { t } = useTranslation();
  return (
    <p className="keep-away-state">
      <Icon name={strengthIcons[block.strength]} />
      <span>
        <strong>{t(`blocks.state.${block.strength}`, { name })}</strong>{' '}
        {block.until
          ? t('blocks.state.until', { date: longDate(block.until) })
          : t('blocks.state.forGood')}
      </span>
    </p>
  );
}

/**
 * "Mute, ignore or block" on another member's profile: choose how strongly (a picture with
 * words for each) and for how long, then Save. The person is never told; Stop ends it.
 */
export function BlockControl({
  myId,
  person,
}: {
  myId: string;
  person: { id: string; displayName: string };
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useBlockAbout(myId, person.id);
  const [open, setOpen] = useState(false);
  const [strength, setStrength] = useState<BlockStrength>('mute');
  const [time, setTime] = useState<Time>('7');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const opener = useRef<HTMLButtonElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const name = person.displayName;

  const failed = (error: unknown) => {
    setProblem(error instanceof ApiProblem ? error.title : String(error));
    setAttempt((n) => n + 1);
  };
  const settle = (block: Block | null, words: string) => {
    client.setQueryData(blocksKeys.about(myId, person.id), block);
    void client.invalidateQueries({ queryKey: blocksKeys.list(myId) });
    // Posts and lists fold (or unfold) this person's words at once.
    void client.invalidateQueries({ queryKey: ['forum'] });
    setOpen(false);
    setMessage(words);
  };
  const save = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: (body: BlockBody) => setBlock(person.id, body),
    onMutate: () => setProblem(null),
    onSuccess: (block) => settle(block, t('blocks.control.saved', { name })),
    onError: failed,
  });
  const stop = useMutation({
    networkMode: 'always',
    mutationFn: () => stopBlock(person.id),
    onMutate: () => setProblem(null),
    onSuccess: () => settle(null, t('blocks.control.stopped', { name })),
    onError: failed,
  });

  useEffect(() => {
    if (message) said.current?.focus();
  }, [message]);
  useEffect(() => {
    if (open) question.current?.focus();
  }, [open]);

  const toggle = () => {
    setMessage(null);
    setProblem(null);
    if (!open && current.data) {
      // Open on what I chose before, so changing it is one tap.
      setStrength(current.data.strength);
      setTime(timeOf(current.data));
    }
    setOpen((now) => !now);
  };
  const close = () => {
    setOpen(false);
    setProblem(null);
    opener.current?.focus();
  };
  const busy = save.isPending || stop.isPending;
  const block = current.data ?? null;

  return (
    <section aria-label={t('blocks.control.open')} className="section keep-away">
      {block && <BlockState block={block} name={name} />}
      <div className="actions">
        <button
          ref={opener}
          type="button"
          className="button button-quiet"
          aria-expanded={open}
          aria-controls={open ? `${id}-choice` : undefined}
          onClick={toggle}
        >
          <Icon name="block" />
          <span>{t('blocks.control.open')}</span>
        </button>
        {block && !open && (
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => stop.mutate()}
          >
            <Icon name="stop" />
            <span>{stop.isPending ? t('blocks.control.stopping') : t('blocks.control.stop')}</span>
          </button>
        )}
      </div>

      {open && (
        <form
          id={`${id}-choice`}
          className="keep-away-choice"
          aria-labelledby={`${id}-question`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ strength, days: toDays(time) });
          }}
        >
          <h3 id={`${id}-question`} ref={question} tabIndex={-1} className="keep-away-question">
            {t('blocks.control.question', { name })}
          </h3>
          <p>
            <RichText text={t('blocks.control.notTold', { name })} />
          </p>
          <RadioGroup
            className="field keep-away-group"
            value={strength}
            onChange={(v) => setStrength(v as BlockStrength)}
            isDisabled={busy}
          >
            <Label className="field-label">{t('blocks.control.strength')}</Label>
            <div className="keep-away-options">
              {blockStrengths.map((s) => (
                <Radio key={s} value={s} className="choice-option keep-away-option">
                  <span className="choice-mark" aria-hidden="true" />
                  <Icon name={strengthIcons[s]} />
                  <span className="keep-away-words">
                    <strong>{t(`blocks.strengths.${s}.label`)}</strong>
                    <span>{t(`blocks.strengths.${s}.hint`)}</span>
                  </span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <RadioGroup
            className="field keep-away-group"
            value={time}
            onChange={(v) => setTime(v as Time)}
            isDisabled={busy}
          >
            <Label className="field-label">{t('blocks.control.time')}</Label>
            <div className="keep-away-options keep-away-times">
              {times.map((value) => (
                <Radio key={value} value={value} className="choice-option">
                  <span className="choice-mark" aria-hidden="true" />
                  <span>{t(`blocks.days.${value}`)}</span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
          {save.isPending && <p role="status">{t('blocks.control.saving')}</p>}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              <Icon name="check" />
              <span>{t('blocks.control.save')}</span>
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={close}>
              {t('blocks.control.cancel')}
            </button>
          </div>
        </form>
      )}

      {message && (
        <p ref={said} className="notice keep-away-said" role="status" tabIndex={-1}>
          {message}
        </p>
      )}
      {problem && <SendProblem attempt={attempt}>{problem}</SendProblem>}
    </section>
  );
}
