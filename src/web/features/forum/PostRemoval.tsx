import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Post, type RemovalReason, removalReasons } from '../../../contract/forum';
import { forumLimits } from '../../../contract/forum-limits';
import { removePost } from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { Choice, SendProblem, TextInput } from '../../ui/fields';
import { lengthOf } from '../../ui/limits';
import { When } from './byline';
import { forumKeys } from './queries';

/** What staff see of a post a moderator removed: why, by whom, the words, and "Put this post back". */
export function RemovalForStaff({
  post,
  restoring,
  onRestore,
}: {
  post: Post;
  restoring: boolean;
  onRestore(): void;
}) {
  const { t } = useTranslation();
  const removal = post.removal;
  if (!removal) return null;
  return (
    <div className="confirm post-removal">
      <p>
        <strong>
          {t('forum.post.removedByModerator', {
            reason: t(`forum.post.reasons.${removal.reason}`),
          })}
        </strong>
      </p>
      {removal.note && <p dir="auto">{t('forum.post.removedNote', { note: removal.note })}</p>}
      <p>
        {t('forum.post.removedByWhom', { name: removal.by.displayName })} <When iso={removal.at} />
      </p>
      <details>
        <summary>{t('forum.post.showRemoved')}</summary>
        <blockquote
          className="post-body"
          dir="auto"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the removed post's bodyHtml, sanitised with the same allow-list on the server as any post.
          dangerouslySetInnerHTML={{ __html: removal.bodyHtml }}
        />
      </details>
      {post.canRestore && (
        <div className="actions">
          <button type="button" className="button" disabled={restoring} onClick={onRestore}>
            {restoring ? t('forum.post.restoring') : t('forum.post.restore')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Staff removing someone else's post: a reason is needed (one tap, or their own words), and
 * both are kept with the post so the removal can be checked and undone.
 */
export function RemovePost({ post, onDone }: { post: Post; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState<RemovalReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const headingId = `remove-${post.id}-heading`;

  const check = (next: { reason: RemovalReason | null; note: string }) => {
    const found: { reason?: string; note?: string } = {};
    if (!next.reason) found.reason = t('forum.fields.removalReason.required');
    else if (next.reason === 'other' && lengthOf(next.note) < forumLimits.removalNote.min) {
      found.note = t('forum.fields.removalNote.required');
    }
    if (lengthOf(next.note) > forumLimits.removalNote.max) {
      found.note = t('forum.fields.removalNote.tooLong');
    }
    return found;
  };
  const focusFirstError = (found: { reason?: string; note?: string }) =>
    requestAnimationFrame(() => {
      const target = found.reason
        ? form.current?.querySelector<HTMLElement>('input[type="radio"]')
        : form.current?.querySelector<HTMLElement>('textarea');
      target?.focus();
    });

  const send = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: () =>
      // Sent only after check() found a reason chosen.
      removePost(post, {
        reason: reason as RemovalReason,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      onDone();
      void client.invalidateQueries({ queryKey: forumKeys.all });
    },
    onError: (error) => {
      const failed = error instanceof ApiProblem ? error : new ApiProblem(0, String(error));
      const onFields = {
        ...(failed.errors.reason ? { reason: failed.errors.reason } : {}),
        ...(failed.errors.note ? { note: failed.errors.note } : {}),
      };
      setErrors(onFields);
      setProblem(failed.title);
      setAttempt((n) => n + 1);
    },
  });

  return (
    <form
      ref={form}
      className="confirm form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (send.isPending) return;
        const found = check({ reason, note });
        setErrors(found);
        if (found.reason || found.note) {
          focusFirstError(found);
          return;
        }
        send.mutate();
      }}
    >
      <p id={headingId}>
        <strong>{t('forum.post.removeHeading')}</strong>
      </p>
      <p>{t('forum.post.removeHelp')}</p>
      {post.kind === 'topic' && <p>{t('forum.post.removeTopicWarning')}</p>}
      <Choice
        name={`reason-${post.id}`}
        label={t('forum.post.removeReason')}
        value={reason}
        required
        options={removalReasons.map((value) => ({
          value,
          label: t(`forum.post.reasons.${value}`),
        }))}
        onChange={(value) => {
          setReason(value);
          setErrors((old) => {
            const { reason: _gone, ...rest } = old;
            return rest.note ? check({ reason: value, note }) : rest;
          });
        }}
        error={errors.reason}
      />
      <TextInput
        name={`note-${post.id}`}
        label={t('forum.post.removeNote')}
        description={t('forum.post.removeNoteHelp')}
        multiline
        required={reason === 'other'}
        limit={forumLimits.removalNote.max}
        value={note}
        onChange={(value) => {
          setNote(value);
          if (errors.note)
            setErrors((old) => ({ ...old, note: check({ reason, note: value }).note }));
        }}
        error={errors.note}
      />
      <p>{t('forum.post.removeNotTold')}</p>
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={send.isPending}>
          {send.isPending ? t('forum.post.removing') : t('forum.post.removeYes')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('forum.post.removeNo')}
        </button>
      </div>
      {problem && (
        <SendProblem takeFocus={!(errors.reason || errors.note)} attempt={attempt}>
          {problem}
        </SendProblem>
      )}
    </form>
  );
}
