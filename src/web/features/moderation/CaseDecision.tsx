import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ActionReason,
  CaseClaim,
  CaseDetail,
  CasePost,
  ModerationAction,
} from '../../../contract/moderation';
import { claimCase, releaseCase } from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { ActionForm, type EditedWords } from './ActionForm';
import { claimInWords } from './case-words';
import { moderationKeys } from './queries';

/** What the page last said, and where focus goes after it. */
type Said = { text: string; lines?: string[]; at: number };

/** New words as the page shows them until the case is fetched again: plain, escaped text. */
function wordsAsHtml(body: string): string {
  const escaped = body
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replaceAll('\n', '<br>')}</p>`)
    .join('');
}

/** The post the case is about, as the decision left it (the case is not fetched again). */
function afterAction(
  post: CasePost,
  action: ModerationAction,
  edited: EditedWords | null = null,
): CasePost {
  if (!post.isSubject) return post;
  if (action === 'edit' && edited) {
    return {
      ...post,
      bodyHtml: wordsAsHtml(edited.body),
      editedAt: new Date().toISOString(),
      editedByModerator: true,
      held: false,
    };
  }
  if (action === 'restore') return { ...post, held: false, deleted: false };
  if (action === 'dismiss') return { ...post, held: false };
  if (action === 'hide') return { ...post, deleted: true };
  return post;
}

const problemOf = (error: unknown) =>
  error instanceof ApiProblem ? error : new ApiProblem(0, String(error));

/**
 * Claim, let go and act. The answer to each is laid over the case we have, so the audit log
 * counts one look per visit, not one per button; a 409 fetches the case again to say who has it.
 */
export function CaseDecision({
  userId,
  detail,
  onConflict,
}: {
  userId: string;
  detail: CaseDetail;
  onConflict(): void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const c = detail.case;
  const [said, setSaid] = useState<Said | null>(null);
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  const [chosen, setChosen] = useState<ModerationAction | null>(null);
  const saidRef = useRef<HTMLDivElement>(null);
  const choiceRefs = useRef(new Map<ModerationAction, HTMLButtonElement>());
  const focusAfterCancel = useRef<ModerationAction | null>(null);

  useEffect(() => {
    if (said) saidRef.current?.focus();
  }, [said]);
  // Back from the form: focus returns to the action that opened it.
  useEffect(() => {
    if (chosen !== null || !focusAfterCancel.current) return;
    choiceRefs.current.get(focusAfterCancel.current)?.focus();
    focusAfterCancel.current = null;
  }, [chosen]);

  const key = moderationKeys.case(userId, c.id);
  const lay = (claim: CaseClaim, mine: boolean) =>
    client.setQueryData<CaseDetail>(key, (old) =>
      old
        ? {
            ...old,
            case: {
              ...old.case,
              status: claim.status,
              claimedBy: claim.claimedBy,
              claimedAt: claim.claimedAt,
              mine,
              claimStale: false,
            },
            canClaim: claim.status !== 'closed',
            canAct: mine && claim.status === 'claimed',
          }
        : old,
    );
  const failed = (error: unknown) => {
    const p = problemOf(error);
    setSaid(null);
    setProblem({ text: p.title, at: Date.now() });
    // Someone else has it, or it closed: fetch the case again to show who and how.
    if (p.status === 409) onConflict();
  };

  const claim = useMutation({
    networkMode: 'always',
    mutationFn: () => claimCase(c.id),
    onMutate: () => setProblem(null),
    onSuccess: (claimed) => {
      lay(claimed, true);
      setSaid({ text: t('moderation.page.claim.claimed'), at: Date.now() });
      void client.invalidateQueries({ queryKey: moderationKeys.queue(userId) });
    },
    onError: failed,
  });
  const release = useMutation({
    networkMode: 'always',
    mutationFn: () => releaseCase(c.id),
    onMutate: () => setProblem(null),
    onSuccess: (released) => {
      lay(released, false);
      setChosen(null);
      setSaid({ text: t('moderation.page.claim.released'), at: Date.now() });
      void client.invalidateQueries({ queryKey: moderationKeys.queue(userId) });
    },
    onError: failed,
  });

  const done = (
    action: ModerationAction,
    reason: ActionReason,
    note: string | null,
    edited: EditedWords | null,
  ) => {
    client.setQueryData<CaseDetail>(key, (old) =>
      old
        ? {
            ...old,
            case: {
              ...old.case,
              status: 'closed',
              claimedBy: null,
              claimedAt: null,
              mine: false,
              outcome: action,
              outcomeReason: reason,
              outcomeNote: note,
              closedAt: new Date().toISOString(),
            },
            content: old.content && afterAction(old.content, action, edited),
            thread: old.thread && {
              ...old.thread,
              ...(edited?.title && old.content?.kind === 'topic' ? { title: edited.title } : {}),
              posts: old.thread.posts.map((post) => afterAction(post, action, edited)),
            },
            currentWords: null,
            canClaim: false,
            canAct: false,
          }
        : old,
    );
    setChosen(null);
    const lines = action === 'dismiss' ? [] : [t('moderation.page.act.doneToldPerson')];
    setSaid({
      text: t('moderation.page.act.done', {
        action: t(`moderation.page.actions.${action}`),
        reason: t(`moderation.reasons.${reason}`),
      }),
      lines,
      at: Date.now(),
    });
    void client.invalidateQueries({ queryKey: moderationKeys.queue(userId) });
  };

  const closed = c.status === 'closed';
  const busy = claim.isPending || release.isPending;
  return (
    <section aria-labelledby="case-decide" className="section">
      <h2 id="case-decide">{t('moderation.page.claim.title')}</h2>
      {said && (
        <div ref={saidRef} className="notice mod-said" role="status" tabIndex={-1}>
          <p>{said.text}</p>
          {said.lines?.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {problem && <SendProblem attempt={problem.at}>{problem.text}</SendProblem>}
      {closed && !said && <Outcome detail={detail} />}
      {closed && (
        <p>
          <Link to="/moderation" className="button button-primary">
            {t('moderation.page.act.nextCase')}
          </Link>
        </p>
      )}
      {!closed && !detail.canAct && (
        <>
          <p dir="auto">{claimInWords(t, c)}</p>
          {detail.canClaim && <p>{t('moderation.page.claim.claimFirst')}</p>}
          {detail.canClaim ? (
            <div className="actions">
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy}
                onClick={() => !busy && claim.mutate()}
              >
                {claim.isPending
                  ? t('moderation.page.claim.claiming')
                  : t('moderation.page.claim.claim')}
              </button>
            </div>
          ) : (
            <p>{t('moderation.page.claim.cannotClaim')}</p>
          )}
        </>
      )}
      {!closed && detail.canAct && (
        <>
          <div className="actions">
            <button
              type="button"
              className="button button-quiet"
              aria-disabled={busy}
              onClick={() => !busy && release.mutate()}
            >
              {release.isPending
                ? t('moderation.page.claim.releasing')
                : t('moderation.page.claim.release')}
            </button>
          </div>
          {chosen ? (
            <ActionForm
              caseId={c.id}
              action={chosen}
              currentWords={detail.currentWords}
              onDone={done}
              onCancel={() => {
                focusAfterCancel.current = chosen;
                setChosen(null);
              }}
              onConflict={failed}
            />
          ) : (
            <>
              <h3>{t('moderation.page.act.choose')}</h3>
              <ul className="act-choices">
                {detail.actions.map((action) => (
                  <li key={action}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) choiceRefs.current.set(action, el);
                        else choiceRefs.current.delete(action);
                      }}
                      className={
                        action === 'ban' || action === 'hide'
                          ? 'button button-danger act-choice'
                          : 'button act-choice'
                      }
                      onClick={() => {
                        setSaid(null);
                        setProblem(null);
                        setChosen(action);
                      }}
                    >
                      <span>{t(`moderation.page.actions.${action}`)}</span>
                      <span className="act-choice-help">
                        {t(`moderation.page.actionHelp.${action}`)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Outcome({ detail: { case: c } }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>{t('moderation.page.case.closed')}</strong>
      </p>
      {c.outcome && c.outcomeReason && (
        <p>
          {t('moderation.page.case.outcome', {
            action: t(`moderation.page.actions.${c.outcome}`),
            reason: t(`moderation.reasons.${c.outcomeReason}`),
          })}
        </p>
      )}
      {c.outcomeNote && (
        <p dir="auto">{t('moderation.page.case.outcomeNote', { note: c.outcomeNote })}</p>
      )}
      {c.closedBy && (
        <p dir="auto">{t('moderation.page.case.closedBy', { name: c.closedBy.displayName })}</p>
      )}
    </>
  );
}
