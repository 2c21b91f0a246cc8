import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Created } from '../../../contract/forum';
import { forumLimits } from '../../../contract/forum-limits';
import { ApiProblem } from '../../api/transport';
import { Notice, SendProblem } from '../../ui/fields';
import { describedBy, lengthOf, RoomLeft, useLengthCheck } from '../../ui/limits';
import { RichText } from '../../ui/RichText';
import { ComposerPreview } from './ComposerPreview';
import { DictationControls, useDictation } from './Dictation';
import { DraftStatusLine } from './DraftStatusLine';
import { useDraft } from './drafts';
import { MentionPicker } from './MentionPicker';
import { useModerationHours } from './moderation-hours';
import { PersonalDetailsWarning } from './PersonalDetailsWarning';
import { AddPicture } from './Picture';
import { SentenceStarters } from './SentenceStarters';
import { SupportPanel } from './SupportPanel';
import { useMentionPicker } from './useMentionPicker';

export interface Outgoing {
  title: string;
  body: string;
  idempotencyKey: string;
}

/** What the server said of a post that went through: held for a moderator, and its screening. */
export type SentCare = Pick<Created, 'held' | 'care'> & Partial<Pick<Created, 'review'>>;

interface ComposerProps {
  kind: 'topic' | 'reply';
  draftKey: string;
  ownerId: string;
  heading: string;
  /**
   * Sends the post; throws an ApiProblem on a problem. Nothing typed is lost either way.
   * Answers what the server said of it, when the composer stays on the page (a reply).
   */
  send(post: Outgoing): Promise<SentCare | undefined>;
  /** Shown after a post went through (a reply stays on the page). */
  sentMessage?: string;
  /** An id for the composer, so a "Write a reply" link can lead to it. */
  anchorId?: string;
}

/**
 * The aphasia-friendly composer: a large box, sentence starters, dictation
 * where the browser offers it, pictures with words, a preview read aloud,
 * and a draft that is never lost (ACCESSIBILITY.md A8).
 */
export function Composer({
  kind,
  draftKey,
  ownerId,
  heading,
  send,
  sentMessage,
  anchorId,
}: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft(draftKey, ownerId);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Errors on the fields, from this page's checks or the server's; each goes once its field is right. */
  const [fieldErrors, setFieldErrors] = useState<{ title?: string; body?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  /** The last post sent from here, while it is the news: held, or with worrying words. */
  const [sentCare, setSentCare] = useState<SentCare | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const dictation = useDictation();
  // Asked for at once, so a held post's note already has it (a live region must not change).
  const moderatorsLook = useModerationHours(t('forum.care.heldSoon'));

  const ids = {
    title: `${id}-title`,
    titleHelp: `${id}-title-help`,
    titleError: `${id}-title-error`,
    body: `${id}-body`,
    bodyHelp: `${id}-body-help`,
    bodyError: `${id}-body-error`,
    status: `${id}-status`,
    details: `${id}-details`,
    preview: `${id}-preview`,
    titleRoom: `${id}-title-room`,
    bodyRoom: `${id}-body-room`,
  };
  const titleLength = useLengthCheck(draft.title, forumLimits.title.max);
  const bodyLength = useLengthCheck(draft.body, forumLimits.body.max);
  // Too long is what is true now, so it comes first; nothing typed is cut.
  const titleError = kind === 'topic' ? (titleLength.tooLong ?? fieldErrors.title) : undefined;
  const bodyError = bodyLength.tooLong ?? fieldErrors.body;
  const otherErrors = Object.entries(problem?.errors ?? {})
    .filter(([field]) => field !== 'title' && field !== 'body')
    .map(([, message]) => message);

  /** What this page can tell before sending: too short, too long or empty. */
  function checkFields(title: string, body: string) {
    const found: { title?: string; body?: string } = {};
    if (kind === 'topic') {
      const length = lengthOf(title);
      if (length < forumLimits.title.min) found.title = t('forum.fields.title.tooShort');
      else if (length > forumLimits.title.max) found.title = t('forum.fields.title.tooLong');
    }
    const length = lengthOf(body);
    if (length < forumLimits.body.min) found.body = t('forum.fields.body.required');
    else if (length > forumLimits.body.max) found.body = t('forum.fields.body.tooLong');
    return found;
  }

  /** A change to one field: its old error goes as soon as the field is right. */
  function changeField(field: 'title' | 'body', value: string) {
    draft.change(field === 'title' ? { title: value } : { body: value });
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const check = checkFields(
        field === 'title' ? value : draft.title,
        field === 'body' ? value : draft.body,
      );
      if (check[field]) return { ...errors, [field]: check[field] };
      const { [field]: _gone, ...rest } = errors;
      return rest;
    });
  }

  function focusField(found: { title?: string | undefined; body?: string | undefined }) {
    requestAnimationFrame(() => {
      if (found.title) titleInput.current?.focus();
      else if (found.body) textArea.current?.focus();
    });
  }

  /** Puts words where the person was typing (or at the end), then returns them to the box. */
  function insertText(words: string, asBlock = false) {
    const body = draft.body;
    const at = Math.min(caret.current ?? body.length, body.length);
    const before = body.slice(0, at);
    const after = body.slice(at);
    let piece = words;
    if (asBlock) {
      piece = `${before && !before.endsWith('\n') ? '\n\n' : ''}${words}\n`;
    } else if (before && !/\s$/.test(before)) {
      piece = ` ${words}`;
    }
    putBody(before + piece + after, at + piece.length);
  }

  /** The new words, with the caret at position, in the draft and the box. */
  function putBody(next: string, position: number) {
    changeField('body', next);
    caret.current = position;
    // Straight into the box too, so keys pressed before React draws again land after the words.
    const el = textArea.current;
    if (el) {
      el.value = next;
      el.focus();
      el.setSelectionRange(position, position);
    }
  }

  const mentions = useMentionPicker({
    idBase: id,
    // "@ma" becomes the mention and a space; only if the box still holds that "@ma".
    onPick(start, end, markdown) {
      const body = textArea.current?.value ?? draft.body;
      if (body[start] !== '@' || end > body.length) return;
      const after = body.slice(end);
      const space = after.startsWith(' ') ? '' : ' ';
      putBody(`${body.slice(0, start)}${markdown}${space}${after}`, start + markdown.length + 1);
    },
  });

  async function submit() {
    if (sending.current) return;
    setSent(null);
    setSentCare(null);
    // Refused here, with the same words the server would use: nothing is sent, nothing is cut.
    const found = checkFields(draft.title, draft.body);
    if (found.title || found.body) {
      setProblem(null);
      setFieldErrors(found);
      focusField(found);
      return;
    }
    sending.current = true;
    setBusy(true);
    setProblem(null);
    setFieldErrors({});
    try {
      await draft.settle();
      const answer = await send({
        title: draft.title,
        body: draft.body,
        idempotencyKey: draft.idempotencyKey(),
      });
      // In one go with clearing the draft, so the support panel stays and does not blink.
      setSentCare(answer ?? null);
      draft.clear();
      setPreviewOpen(false);
      if (sentMessage) setSent(sentMessage);
    } catch (error) {
      const failed = error instanceof ApiProblem ? error : new ApiProblem(0, String(error));
      setProblem(failed);
      setAttempt((n) => n + 1);
      const onFields = {
        ...(kind === 'topic' && failed.errors.title ? { title: failed.errors.title } : {}),
        ...(failed.errors.body ? { body: failed.errors.body } : {}),
      };
      setFieldErrors(onFields);
      // The words stay. Focus goes to the first field that needs a look, or else to the
      // problem itself, beside the button that was pressed.
      focusField(onFields);
      draft.flush();
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const problemOnField = Boolean(problem?.errors.title || problem?.errors.body);
  // The panel stays while the words written (or just sent) worry the screening; a draft's
  // answer comes with each save, so it never comes and goes with each key pressed.
  const support = Boolean(draft.care?.support || sentCare?.care.support);
  const details = draft.care?.personalDetails ?? [];

  return (
    <section className="composer" aria-labelledby={`${id}-heading`} id={anchorId}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {sent &&
        (sentCare?.held ? (
          <Notice kind="ok">
            <p>
              <RichText
                text={
                  sentCare.review
                    ? t(kind === 'topic' ? 'forum.care.reviewTopic' : 'forum.care.reviewReply')
                    : t(kind === 'topic' ? 'forum.care.heldTopic' : 'forum.care.heldReply')
                }
              />
            </p>
            <p>{moderatorsLook}</p>
          </Notice>
        ) : (
          <Notice kind="ok">{sent}</Notice>
        ))}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {kind === 'topic' && (
          <div className="field">
            <label className="field-label" htmlFor={ids.title}>
              {t('forum.composer.title')} <span className="field-need">{t('form.required')}</span>
            </label>
            <p id={ids.titleHelp} className="field-help">
              {t('forum.composer.titleHelp')}
            </p>
            <input
              ref={titleInput}
              id={ids.title}
              name="title"
              className="input"
              dir="auto"
              value={draft.title}
              onChange={(e) => changeField('title', e.target.value)}
              onBlur={draft.flush}
              aria-required="true"
              aria-invalid={titleError ? true : undefined}
              aria-describedby={describedBy(
                ids.titleHelp,
                titleLength.roomLeft && ids.titleRoom,
                titleError && ids.titleError,
              )}
            />
            <RoomLeft
              id={ids.titleRoom}
              value={draft.title}
              max={forumLimits.title.max}
              text={titleLength.roomLeft}
            />
            {titleError && (
              <p id={ids.titleError} className="field-error">
                {titleError}
              </p>
            )}
          </div>
        )}

        <div className="field">
          <label className="field-label" htmlFor={ids.body}>
            {kind === 'topic' ? t('forum.composer.bodyTopic') : t('forum.composer.bodyReply')}{' '}
            <span className="field-need">{t('form.required')}</span>
          </label>
          <p id={ids.bodyHelp} className="field-help">
            {t('forum.composer.bodyHelp')}
          </p>
          <SentenceStarters onInsert={insertText} />
          <DictationControls dictation={dictation} onWords={insertText} />
          <textarea
            ref={textArea}
            id={ids.body}
            name="body"
            className="input composer-text"
            rows={10}
            dir="auto"
            value={draft.body}
            onChange={(e) => {
              caret.current = e.target.selectionStart;
              changeField('body', e.target.value);
              mentions.follow(e.target);
            }}
            onSelect={(e) => {
              caret.current = e.currentTarget.selectionStart;
              mentions.follow(e.currentTarget);
            }}
            onKeyDown={mentions.onKeyDown}
            onBlur={() => {
              mentions.onBlur();
              draft.flush();
            }}
            {...mentions.textBoxProps}
            aria-required="true"
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={describedBy(
              ids.bodyHelp,
              ids.status,
              bodyLength.roomLeft && ids.bodyRoom,
              bodyError && ids.bodyError,
            )}
          />
          <MentionPicker picker={mentions} />
          <RoomLeft
            id={ids.bodyRoom}
            value={draft.body}
            max={forumLimits.body.max}
            text={bodyLength.roomLeft}
          />
          {bodyError && (
            <p id={ids.bodyError} className="field-error">
              {bodyError}
            </p>
          )}
          <DraftStatusLine id={ids.status} status={draft.status} />
          <SupportPanel open={support} sent={!draft.care?.support && Boolean(sentCare)} />
        </div>

        <AddPicture onInsert={(markdown) => insertText(markdown, true)} />

        <ComposerPreview
          kind={kind}
          id={ids.preview}
          title={draft.title}
          body={draft.body}
          open={previewOpen}
          onToggle={() => setPreviewOpen((open) => !open)}
        />

        <div className="care-send">
          <PersonalDetailsWarning id={ids.details} found={details} />
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            aria-describedby={details.length > 0 ? ids.details : undefined}
          >
            {busy
              ? t('forum.composer.posting')
              : kind === 'topic'
                ? t('forum.composer.postTopic')
                : t('forum.composer.postReply')}
          </button>
        </div>
        {problem && (
          <SendProblem takeFocus={!problemOnField} attempt={attempt}>
            <p>{problem.title}</p>
            {otherErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
            {/* Offline, the message itself already says nothing is lost. */}
            {problem.status !== 0 && <p>{t('form.keepTyped')}</p>}
            {problem.status === 401 && (
              <Link to="/sign-in" className="button">
                {t('nav.signIn')}
              </Link>
            )}
          </SendProblem>
        )}
      </form>
    </section>
  );
}
