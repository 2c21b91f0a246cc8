import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forumLimits } from '../../../contract/forum-limits';
import { ApiProblem } from '../../api';
import { Notice, SendProblem } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { describedBy, lengthOf, RoomLeft, useLengthCheck } from '../../ui/limits';
import { ReadAloud } from '../../ui/ReadAloud';
import { type DraftStatus, useDraft } from './drafts';
import { MarkdownPreview, markdownToSpeech } from './markdown-preview';
import { AddPicture } from './Picture';

export interface Outgoing {
  title: string;
  body: string;
  idempotencyKey: string;
}

interface ComposerProps {
  kind: 'topic' | 'reply';
  draftKey: string;
  ownerId: string;
  heading: string;
  /** Sends the post; throws an ApiProblem on a problem. Nothing typed is lost either way. */
  send(post: Outgoing): Promise<void>;
  /** Shown after a post went through (a reply stays on the page). */
  sentMessage?: string;
  /** An id for the composer, so a "Write a reply" link can lead to it. */
  anchorId?: string;
}

/** Browsers that offer dictation name it one of two ways; others have none. */
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  start(): void;
  stop(): void;
  onresult:
    | ((event: {
        resultIndex: number;
        results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
      }) => void)
    | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}
type RecognitionClass = new () => Recognition;

function speechRecognition(): RecognitionClass | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as {
    SpeechRecognition?: RecognitionClass;
    webkitSpeechRecognition?: RecognitionClass;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const starterKeys = ['today', 'helps', 'worried'] as const;

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
  const [previewOpen, setPreviewOpen] = useState(false);
  const [listening, setListening] = useState(false);
  const [dictationProblem, setDictationProblem] = useState<string | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const Dictation = speechRecognition();

  useEffect(() => () => recognition.current?.stop(), []);

  const ids = {
    title: `${id}-title`,
    titleHelp: `${id}-title-help`,
    titleError: `${id}-title-error`,
    body: `${id}-body`,
    bodyHelp: `${id}-body-help`,
    bodyError: `${id}-body-error`,
    status: `${id}-status`,
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
    const next = before + piece + after;
    changeField('body', next);
    const position = at + piece.length;
    caret.current = position;
    // Straight into the box too, so keys pressed before React draws again land after the words.
    const el = textArea.current;
    if (el) {
      el.value = next;
      el.focus();
      el.setSelectionRange(position, position);
    }
  }

  function toggleDictation() {
    if (!Dictation) return;
    if (listening) {
      recognition.current?.stop();
      return;
    }
    setDictationProblem(null);
    const r = new Dictation();
    r.lang = document.documentElement.lang || 'en';
    r.continuous = true;
    r.interimResults = false;
    r.onresult = (event) => {
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result?.isFinal) insertText(result[0].transcript.trim());
      }
    };
    r.onend = () => setListening(false);
    r.onerror = () => {
      setListening(false);
      setDictationProblem(t('forum.composer.dictationProblem'));
    };
    recognition.current = r;
    try {
      r.start();
      setListening(true);
    } catch {
      setDictationProblem(t('forum.composer.dictationProblem'));
    }
  }

  async function submit() {
    if (sending.current) return;
    setSent(null);
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
      await send({ title: draft.title, body: draft.body, idempotencyKey: draft.idempotencyKey() });
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

  const preview = draft.body.trim();
  const problemOnField = Boolean(problem?.errors.title || problem?.errors.body);

  return (
    <section className="composer" aria-labelledby={`${id}-heading`} id={anchorId}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {sent && <Notice kind="ok">{sent}</Notice>}
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
          <fieldset className="starters">
            <legend>{t('forum.composer.startersLabel')}</legend>
            <div className="starter-buttons">
              {starterKeys.map((key) => (
                <button
                  key={key}
                  type="button"
                  className="button button-quiet"
                  onClick={() => insertText(t(`forum.composer.starters.${key}.insert`))}
                >
                  {t(`forum.composer.starters.${key}.label`)}
                </button>
              ))}
            </div>
          </fieldset>
          {Dictation && (
            <div className="dictation">
              <button type="button" className="button" onClick={toggleDictation}>
                <Icon name={listening ? 'stop' : 'mic'} />
                <span>
                  {listening ? t('forum.composer.dictationStop') : t('forum.composer.dictation')}
                </span>
              </button>
              {listening && <p role="status">{t('forum.composer.listening')}</p>}
              {dictationProblem && <p className="field-error">{dictationProblem}</p>}
            </div>
          )}
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
            }}
            onSelect={(e) => {
              caret.current = e.currentTarget.selectionStart;
            }}
            onBlur={draft.flush}
            aria-required="true"
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={describedBy(
              ids.bodyHelp,
              ids.status,
              bodyLength.roomLeft && ids.bodyRoom,
              bodyError && ids.bodyError,
            )}
          />
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
        </div>

        <AddPicture onInsert={(markdown) => insertText(markdown, true)} />

        <div className="preview-box">
          <button
            type="button"
            className="button"
            aria-expanded={previewOpen}
            aria-controls={ids.preview}
            onClick={() => setPreviewOpen((open) => !open)}
          >
            {previewOpen ? t('forum.composer.previewHide') : t('forum.composer.previewShow')}
          </button>
          <div id={ids.preview} hidden={!previewOpen} className="preview">
            {previewOpen &&
              (preview ? (
                <>
                  <h3>{t('forum.composer.previewTitle')}</h3>
                  {kind === 'topic' && draft.title && (
                    <p className="preview-title" dir="auto">
                      <strong>{draft.title}</strong>
                    </p>
                  )}
                  <div className="post-body" dir="auto">
                    <MarkdownPreview markdown={draft.body} />
                  </div>
                  <ReadAloud
                    text={`${kind === 'topic' ? `${draft.title}. ` : ''}${markdownToSpeech(draft.body)}`}
                    label={t('forum.composer.previewTitle')}
                  />
                </>
              ) : (
                <p>{t('forum.composer.previewEmpty')}</p>
              ))}
          </div>
        </div>

        <button type="submit" className="button button-primary" disabled={busy}>
          {busy
            ? t('forum.composer.posting')
            : kind === 'topic'
              ? t('forum.composer.postTopic')
              : t('forum.composer.postReply')}
        </button>
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

/** "Saved", "Saving", or why not yet, always in words (never a colour or a spinner alone). */
function DraftStatusLine({ id, status }: { id: string; status: DraftStatus }) {
  const { t } = useTranslation();
  return (
    <p id={id} className={`draft-status draft-${status}`} role="status">
      {status !== 'empty' && status !== 'saving' && status !== 'saved' && <Icon name="device" />}
      <span>{t(`forum.draft.${status}`)}</span>
    </p>
  );
}
