import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../contract/forum';
import { forumLimits } from '../../../contract/forum-limits';
import { editReply, editTopic } from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { describedBy, lengthOf, RoomLeft, useLengthCheck } from '../../ui/limits';
import { forumKeys } from './queries';

/** Changing my post: the earlier words are kept for moderators; nothing typed is lost on a problem. */
export function EditPost({
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
