import { useMutation, useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportReason, Subject } from '../../../contract/moderation';
import { getReportReasons, sendConcern, sendReport } from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/Icon';
import './post-safety.css';

/** A picture for each reason, from the app's own icon set; the words always come with it. */
const reasonIcons: Record<ReportReason, IconName> = {
  unkind: 'text',
  unsafe: 'help',
  private_details: 'phone',
  selling: 'globe',
  spam: 'mail',
  other: 'forum',
};

type Open = 'none' | 'report' | 'worried';

/**
 * "Report" and "I am worried about this person" on someone else's post or profile. Report is
 * one tap on a reason; the worried button asks once. The server's answer is said in words and
 * takes focus, so a screen reader or keyboard user knows it went.
 */
export function PostSafetyActions({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reportButton = useRef<HTMLButtonElement>(null);
  const worriedButton = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const id = `safety-${subject.kind}-${subject.id}`;

  const reasons = useQuery({
    queryKey: ['moderation', 'reportReasons'],
    queryFn: getReportReasons,
    // The words change only with a new release: ask once, and only when someone opens it.
    staleTime: Number.POSITIVE_INFINITY,
    enabled: open === 'report',
  });

  const failed = (error: unknown) => {
    setProblem(error instanceof ApiProblem ? error.title : String(error));
    setAttempt((n) => n + 1);
  };
  const done = ({ message: words }: { message: string }) => {
    setOpen('none');
    setMessage(words);
  };
  const report = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: (reason: ReportReason) => sendReport({ subject, reason }),
    onMutate: () => setProblem(null),
    onSuccess: done,
    onError: failed,
  });
  const worried = useMutation({
    networkMode: 'always',
    mutationFn: () => sendConcern({ subject }),
    onMutate: () => setProblem(null),
    onSuccess: done,
    onError: failed,
  });

  // The first reason takes focus once the reasons are there, so one Enter sends it.
  const ready = open === 'report' && reasons.isSuccess;
  useEffect(() => {
    if (ready) firstChoice.current?.focus();
  }, [ready]);
  useEffect(() => {
    if (message) said.current?.focus();
  }, [message]);

  const close = (back: RefObject<HTMLButtonElement | null>) => {
    setOpen('none');
    setProblem(null);
    back.current?.focus();
  };
  const toggle = (which: Exclude<Open, 'none'>) => {
    setMessage(null);
    setProblem(null);
    setOpen((now) => (now === which ? 'none' : which));
  };
  const busy = report.isPending || worried.isPending;

  return (
    <div className="safety-actions">
      <div className="actions safety-buttons">
        <button
          ref={reportButton}
          type="button"
          className="button button-quiet"
          aria-expanded={open === 'report'}
          onClick={() => toggle('report')}
        >
          {t('forum.safetyActions.report')}
        </button>
        <button
          ref={worriedButton}
          type="button"
          className="button button-quiet"
          aria-expanded={open === 'worried'}
          onClick={() => toggle('worried')}
        >
          {t('forum.safetyActions.worried')}
        </button>
      </div>

      {open === 'report' && (
        <fieldset
          className="safety-choice"
          aria-describedby={`${id}-help`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close(reportButton);
          }}
        >
          <legend className="safety-question">
            <strong>
              {subject.kind === 'profile'
                ? t('forum.safetyActions.reportQuestionProfile')
                : t('forum.safetyActions.reportQuestion')}
            </strong>
          </legend>
          <p id={`${id}-help`}>{t('forum.safetyActions.reportHelp')}</p>
          {reasons.isSuccess ? (
            <ul className="safety-reasons">
              {reasons.data.reasons.map(({ reason, label, hint }, i) => (
                <li key={reason}>
                  <button
                    ref={i === 0 ? firstChoice : undefined}
                    type="button"
                    className="button safety-reason"
                    disabled={busy}
                    aria-labelledby={`${id}-${reason}-label`}
                    aria-describedby={`${id}-${reason}-hint`}
                    onClick={() => report.mutate(reason)}
                  >
                    <Icon name={reasonIcons[reason]} />
                    <span className="safety-reason-words">
                      <span id={`${id}-${reason}-label`} className="safety-reason-label">
                        {label}
                      </span>
                      <span id={`${id}-${reason}-hint`} className="safety-reason-hint">
                        {hint}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : reasons.isError ? (
            <SendProblem>
              {reasons.error instanceof ApiProblem ? reasons.error.title : String(reasons.error)}
            </SendProblem>
          ) : (
            <p role="status">{t('forum.safetyActions.loadingReasons')}</p>
          )}
          {report.isPending && <p role="status">{t('forum.safetyActions.sending')}</p>}
          <div className="actions">
            <button
              type="button"
              className="button button-quiet"
              disabled={busy}
              onClick={() => close(reportButton)}
            >
              {t('forum.safetyActions.reportCancel')}
            </button>
          </div>
        </fieldset>
      )}

      {open === 'worried' && (
        <fieldset
          className="safety-choice"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close(worriedButton);
          }}
        >
          <legend className="safety-question">
            <strong>{t('forum.safetyActions.worriedQuestion')}</strong>
          </legend>
          {worried.isPending && <p role="status">{t('forum.safetyActions.sending')}</p>}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              // biome-ignore lint/a11y/noAutofocus: the question was just asked; its answer is the next step
              autoFocus
              onClick={() => worried.mutate()}
            >
              <Icon name="help" />
              <span>{t('forum.safetyActions.worriedYes')}</span>
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={busy}
              onClick={() => close(worriedButton)}
            >
              {t('forum.safetyActions.worriedNo')}
            </button>
          </div>
        </fieldset>
      )}

      {message && (
        <p ref={said} className="notice safety-said" role="status" tabIndex={-1}>
          {message}
        </p>
      )}
      {problem && <SendProblem attempt={attempt}>{problem}</SendProblem>}
    </div>
  );
}
