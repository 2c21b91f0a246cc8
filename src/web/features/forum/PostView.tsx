import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, Reactions } from '../../../contract/forum';
import { reactionKinds } from '../../../contract/values';
import { ApiProblem, api } from '../../api';
import { Notice } from '../../ui/fields';
import { ReadAloud } from '../../ui/ReadAloud';
import { htmlToSpeech } from './markdown-preview';
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
  const [problem, setProblem] = useState<string | null>(null);
  const own = post.author.id === myId;
  const speech = useMemo(() => (post.deleted ? '' : htmlToSpeech(post.bodyHtml)), [post]);
  const Heading = level === 2 ? 'h2' : 'h3';

  const react = useMutation({
    mutationFn: ({ kind, on }: { kind: Reactions['mine'][number]; on: boolean }) =>
      api<Reactions>(`/forum/posts/${post.kind}/${post.id}/reactions/${kind}`, {
        method: on ? 'PUT' : 'DELETE',
      }),
    onMutate: () => setProblem(null),
    onSuccess: (reactions) =>
      updateCachedPost(client, topicId, post.id, (p) => ({ ...p, reactions })),
    onError: (error) => setProblem(error instanceof ApiProblem ? error.title : String(error)),
  });

  const helpful = useMutation({
    mutationFn: (on: boolean) =>
      api<{ helpfulCount: number }>(`/forum/posts/${post.kind}/${post.id}/helpful`, {
        method: on ? 'PUT' : 'DELETE',
      }),
    onMutate: () => setProblem(null),
    onSuccess: ({ helpfulCount }, on) => {
      updateCachedPost(client, topicId, post.id, (p) => ({
        ...p,
        helpfulCount,
        markedHelpful: on,
      }));
      void client.invalidateQueries({ queryKey: ['forum', 'tips'] });
    },
    onError: (error) => setProblem(error instanceof ApiProblem ? error.title : String(error)),
  });

  const remove = useMutation({
    mutationFn: () => api(`/forum/posts/${post.kind}/${post.id}`, { method: 'DELETE' }),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      setConfirmDelete(false);
      void client.invalidateQueries({ queryKey: forumKeys.all });
    },
    onError: (error) => setProblem(error instanceof ApiProblem ? error.title : String(error)),
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
        <p className="post-removed">{t('forum.post.removed')}</p>
      ) : editing ? (
        <EditPost post={post} topicId={topicId} title={title} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div
            className="post-body"
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
          {(post.canEdit || post.canDelete) && (
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
            </div>
          )}
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
      {problem && <Notice kind="problem">{problem}</Notice>}
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
  const update = (next: { title: string; body: string }) => {
    setForm(next);
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
    mutationFn: () =>
      post.kind === 'topic'
        ? api(`/forum/topics/${post.id}`, { method: 'PATCH', body: form })
        : api(`/forum/replies/${post.id}`, { method: 'PATCH', body: { body: form.body } }),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: forumKeys.topic(topicId) });
      done();
    },
    onError: (error) =>
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error))),
  });
  const base = `edit-${post.id}`;
  const titleError = problem?.errors.title;
  const bodyError = problem?.errors.body;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {problem && (
        <Notice kind="problem">
          <p>{problem.title}</p>
          <p>{t('form.keepTyped')}</p>
        </Notice>
      )}
      {post.kind === 'topic' && (
        <div className="field">
          <label className="field-label" htmlFor={`${base}-title`}>
            {t('forum.composer.title')}
          </label>
          <input
            id={`${base}-title`}
            className="input"
            value={form.title}
            maxLength={150}
            onChange={(e) => update({ ...form, title: e.target.value })}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${base}-title-error` : undefined}
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
          id={`${base}-body`}
          className="input composer-text"
          rows={8}
          value={form.body}
          maxLength={20_000}
          onChange={(e) => update({ ...form, body: e.target.value })}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${base}-body-error` : undefined}
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
    </form>
  );
}
