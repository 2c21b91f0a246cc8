import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, Reactions } from '../../../contract/forum';
import { forumLimits } from '../../../contract/forum-limits';
import { reactionKinds } from '../../../contract/values';
import {
  deletePost,
  editReply,
  editTopic,
  restorePost,
  setHelpful,
  setReaction,
} from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { describedBy, lengthOf, RoomLeft, useLengthCheck } from '../../ui/limits';
import { ReadAloud } from '../../ui/ReadAloud';
import { htmlToSpeech } from './markdown-preview';
import { RemovalForStaff, RemovePost } from './PostRemoval';
import { AuthorName, Toggle, When } from './parts';
import { forumKeys, updateCachedPost } from './queries';

interface PostViewProps {
  post: Post;
  topicId: string;
  myId: string;
  /** The heading level that names the post: the first post sits under the title. */
  level: 2 | 3;
  title?: string;
}

/** One post: who wrote it and when, the words, read aloud, reactions and the writer's tools. */
export function PostView({ post, topicId, myId, level, title }: PostViewProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failed = (error: unknown) => {
    setProblem(error instanceof ApiProblem ? error.title : String(error));
    setAttempt((n) => n + 1);
  };
  const own = post.author.id === myId;
  const speech = useMemo(() => (post.deleted ? '' : htmlToSpeech(post.bodyHtml)), [post]);
  const Heading = level === 2 ? 'h2' : 'h3';

  const react = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: ({ kind, on }: { kind: Reactions['mine'][number]; on: boolean }) =>
      setReaction(post, kind, on),
    onMutate: () => setProblem(null),
    onSuccess: (reactions) =>
      updateCachedPost(client, topicId, post.id, (p) => ({ ...p, reactions })),
    onError: failed,
  });

  const helpful = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: (on: boolean) => setHelpful(post, on),
    onMutate: () => setProblem(null),
    onSuccess: ({ helpfulCount }, on) => {
      updateCachedPost(client, topicId, post.id, (p) => ({
        ...p,
        helpfulCount,
        markedHelpful: on,
      }));
      void client.invalidateQueries({ queryKey: ['forum', 'tips'] });
    },
    onError: failed,
  });

  const remove = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: () => deletePost(post),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      setConfirmDelete(false);
      void client.invalidateQueries({ queryKey: forumKeys.all });
    },
    onError: failed,
  });

  const restore = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: () => restorePost(post),
    onMutate: () => setProblem(null),
    onSuccess: () => void client.invalidateQueries({ queryKey: forumKeys.all }),
    onError: failed,
  });

  const postedBy = post.kind === 'topic' ? t('forum.post.startedBy') : t('forum.post.replyFrom');

  return (
    <article
      className="post"
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={`post-${post.id}-by`}
    >
      <header className="post-header">
        <Heading id={`post-${post.id}-by`} className="post-by">
          {postedBy} <AuthorName author={post.author} />
        </Heading>
        <p className="post-when">
          <When iso={post.createdAt} />
          {post.editedAt && <span> {t('forum.post.edited')}</span>}
        </p>
      </header>

      {post.deleted ? (
        post.removal ? (
          <RemovalForStaff
            post={post}
            restoring={restore.isPending}
            onRestore={() => restore.mutate()}
          />
        ) : (
          <p className="post-removed">{t('forum.post.removed')}</p>
        )
      ) : editing ? (
        <EditPost post={post} topicId={topicId} title={title} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div
            className="post-body"
            dir="auto"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from a small markdown subset and sanitised with an allow-list on the server (contract: safe as it is); nothing else is ever put in as HTML.
            dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
          />
          <ReadAloud
            text={speech}
            label={t('forum.post.readLabel', { name: post.author.displayName })}
          />
        </>
      )}

      {!post.deleted && !editing && (
        <>
          {own ? (
            <p className="post-feedback">
              <span className="count">
                {t('forum.reactions.summary', {
                  meToo: post.reactions.me_too,
                  thankYou: post.reactions.thank_you,
                  strength: post.reactions.sending_strength,
                  helped: post.helpfulCount,
                })}
              </span>
            </p>
          ) : (
            <div className="reactions">
              {reactionKinds.map((kind) => (
                <Toggle
                  key={kind}
                  label={t(`forum.reactions.${kind}`)}
                  pressed={post.reactions.mine.includes(kind)}
                  count={post.reactions[kind]}
                  busy={react.isPending}
                  onChange={(on) => react.mutate({ kind, on })}
                />
              ))}
              <Toggle
                label={t('forum.reactions.helped')}
                icon="tip"
                pressed={post.markedHelpful}
                count={post.helpfulCount}
                busy={helpful.isPending}
                onChange={(on) => helpful.mutate(on)}
              />
            </div>
          )}
          {(post.canEdit || post.canDelete || post.canRemove) && (
            <div className="actions post-tools">
              {post.canEdit && (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  {t('forum.post.edit')}
                </button>
              )}
              {post.canDelete && !confirmDelete && (
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => setConfirmDelete(true)}
                >
                  {t('forum.post.delete')}
                </button>
              )}
              {post.canRemove && !removing && (
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => setRemoving(true)}
                >
                  {t('forum.post.remove')}
                </button>
              )}
            </div>
          )}
          {removing && <RemovePost post={post} onDone={() => setRemoving(false)} />}
          {confirmDelete && (
            <div className="confirm">
              <p id={`post-${post.id}-confirm`}>
                <strong>
                  {post.kind === 'topic'
                    ? t('forum.post.deleteTopicQuestion')
                    : t('forum.post.deleteQuestion')}
                </strong>
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  {t('forum.post.deleteYes')}
                </button>
                <button
                  type="button"
                  className="button"
                  // biome-ignore lint/a11y/noAutofocus: the question needs an answer; "keep it" is the safe choice
                  autoFocus
                  onClick={() => setConfirmDelete(false)}
                >
                  {t('forum.post.deleteNo')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {problem && <SendProblem attempt={attempt}>{problem}</SendProblem>}
    </article>
  );
}

/** Changing my post: the earlier words are kept for moderators; nothing typed is lost on a problem. */
function EditPost({
  post,
  topicId,
  title,
  onDone,
}: {
  post: Post;
  topicId: string;
  title?: string | undefined;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const storage = `bt.forum.edit.${post.id}`;
  const titleInput = useRef<HTMLInputElement>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  const [form, setForm] = useState(() => {
    try {
      const kept = sessionStorage.getItem(storage);
      if (kept) return JSON.parse(kept) as { title: string; body: string };
    } catch {
      // nothing kept
    }
    return { title: title ?? '', body: post.body ?? '' };
  });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [fieldErrors, setFieldErrors] = useState<{ title?: string; body?: string }>({});

  /** What this page can tell before sending, in the server's own words. */
  const checkFields = (next: { title: string; body: string }) => {
    const found: { title?: string; body?: string } = {};
    if (post.kind === 'topic') {
      const length = lengthOf(next.title);
      if (length < forumLimits.title.min) found.title = t('forum.fields.title.tooShort');
      else if (length > forumLimits.title.max) found.title = t('forum.fields.title.tooLong');
    }
    const length = lengthOf(next.body);
    if (length < forumLimits.body.min) found.body = t('forum.fields.body.required');
    else if (length > forumLimits.body.max) found.body = t('forum.fields.body.tooLong');
    return found;
  };
  const focusField = (found: { title?: string | undefined; body?: string | undefined }) =>
    requestAnimationFrame(() => {
      if (found.title) titleInput.current?.focus();
      else if (found.body) bodyInput.current?.focus();
    });

  const update = (field: 'title' | 'body', value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    // An old error goes as soon as its field is right.
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const still = checkFields(next)[field];
      if (still) return { ...errors, [field]: still };
      const { [field]: _gone, ...rest } = errors;
      return rest;
    });
    try {
      sessionStorage.setItem(storage, JSON.stringify(next));
    } catch {
      // storage blocked: the words stay in the box
    }
  };
  const done = () => {
    sessionStorage.removeItem(storage);
    onDone();
  };
  const save = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: () =>
      post.kind === 'topic' ? editTopic(post.id, form) : editReply(post.id, { body: form.body }),
    onMutate: () => {
      setProblem(null);
      setFieldErrors({});
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: forumKeys.topic(topicId) });
      done();
    },
    onError: (error) => {
      const failed = error instanceof ApiProblem ? error : new ApiProblem(0, String(error));
      const onFields = {
        ...(post.kind === 'topic' && failed.errors.title ? { title: failed.errors.title } : {}),
        ...(failed.errors.body ? { body: failed.errors.body } : {}),
      };
      setProblem(failed);
      setAttempt((n) => n + 1);
      setFieldErrors(onFields);
      focusField(onFields);
    },
  });
  const base = `edit-${post.id}`;
  const titleLength = useLengthCheck(form.title, forumLimits.title.max);
  const bodyLength = useLengthCheck(form.body, forumLimits.body.max);
  const titleError = titleLength.tooLong ?? fieldErrors.title;
  const bodyError = bodyLength.tooLong ?? fieldErrors.body;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        const found = checkFields(form);
        if (found.title || found.body) {
          setProblem(null);
          setFieldErrors(found);
          focusField(found);
          return;
        }
        save.mutate();
      }}
    >
      {post.kind === 'topic' && (
        <div className="field">
          <label className="field-label" htmlFor={`${base}-title`}>
            {t('forum.composer.title')}
          </label>
          <input
            ref={titleInput}
            id={`${base}-title`}
            className="input"
            dir="auto"
            value={form.title}
            onChange={(e) => update('title', e.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={describedBy(
              titleLength.roomLeft && `${base}-title-room`,
              titleError && `${base}-title-error`,
            )}
          />
          <RoomLeft
            id={`${base}-title-room`}
            value={form.title}
            max={forumLimits.title.max}
            text={titleLength.roomLeft}
          />
          {titleError && (
            <p id={`${base}-title-error`} className="field-error">
              {titleError}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${base}-body`}>
          {t('forum.post.editBody')}
        </label>
        <textarea
          ref={bodyInput}
          id={`${base}-body`}
          className="input composer-text"
          rows={8}
          dir="auto"
          value={form.body}
          onChange={(e) => update('body', e.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={describedBy(
            bodyLength.roomLeft && `${base}-body-room`,
            bodyError && `${base}-body-error`,
          )}
        />
        <RoomLeft
          id={`${base}-body-room`}
          value={form.body}
          max={forumLimits.body.max}
          text={bodyLength.roomLeft}
        />
        {bodyError && (
          <p id={`${base}-body-error`} className="field-error">
            {bodyError}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('me.saving') : t('forum.post.saveEdit')}
        </button>
        <button type="button" className="button" onClick={done}>
          {t('forum.post.cancelEdit')}
        </button>
      </div>
      {problem && (
        <SendProblem takeFocus={!(problem.errors.title || problem.errors.body)} attempt={attempt}>
          <p>{problem.title}</p>
          {problem.status !== 0 && <p>{t('form.keepTyped')}</p>}
        </SendProblem>
      )}
    </form>
  );
}
