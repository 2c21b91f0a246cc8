import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, Reactions } from '../../../contract/forum';
import { reactionKinds } from '../../../contract/values';
import { deletePost, restorePost, setHelpful, setReaction } from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { ReadAloud } from '../../ui/ReadAloud';
import { RichText } from '../../ui/RichText';
import { Folded } from '../blocks/HiddenPost';
import { AuthorName, When } from './byline';
import { EditPost } from './EditPost';
import { htmlToSpeech } from './markdown-preview';
import { RemovalForStaff, RemovePost } from './PostRemoval';
import { PostSafetyActions } from './PostSafetyActions';
import { forumKeys, updateCachedPost } from './queries';
import { Toggle } from './Toggle';
import './care.css';

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
  // Folded away (I ignore its writer) until I choose "Show it", for this post only.
  const [shown, setShown] = useState(false);
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

  if (post.hiddenBecause && !shown && !own) {
    return (
      <article
        className="post post-folded"
        id={`post-${post.id}`}
        tabIndex={-1}
        aria-labelledby={`post-${post.id}-by`}
      >
        <header className="post-header">
          <Heading id={`post-${post.id}-by`} className="post-by">
            {postedBy} <AuthorName author={post.author} />
          </Heading>
        </header>
        <Folded
          why={post.hiddenBecause}
          what="post"
          onShow={() => {
            setShown(true);
            // The post takes the place of the note: focus goes to it, so reading goes on there.
            requestAnimationFrame(() => document.getElementById(`post-${post.id}`)?.focus());
          }}
        />
      </article>
    );
  }

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
          {post.editedAt && !post.editedByModerator && <span> {t('forum.post.edited')}</span>}
        </p>
        {/* A moderator's change, with a reason the author was told: said on its own line. */}
        {post.editedByModerator && (
          <p className="post-when">
            <strong>{t('forum.post.changedByModerator')}</strong>
          </p>
        )}
      </header>

      {/* Only its writer and moderators are shown a held post: who is looking says which note. */}
      {post.held && !post.deleted && (
        <p className="held-note">
          <RichText text={own ? t('forum.care.heldMine') : t('forum.care.heldStaff')} />
        </p>
      )}

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
          {!own && <PostSafetyActions subject={{ kind: post.kind, id: post.id }} />}
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
