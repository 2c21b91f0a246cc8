// Care for the writer: their words are screened as they write and when they send. The writer
// is never blocked: worrying words bring supportive words and crisis lines to them, a case to a
// moderator (medium and high), and a plan, a time or a place (high) holds the post so that only
// they and moderators see it until a moderator looks (SAFETY.md).
import type { WritingCare } from '../../../contract/forum';
import type { Tx } from '../../db';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Enqueue } from '../../lib/jobs';
import { renderPost } from '../../lib/markdown';
import type { ForumDeps, PostToLookAt, ScreeningTier } from './deps';

export interface Screened {
  tier: ScreeningTier;
  care: WritingCare;
  /** Only the writer and moderators see it until a moderator decides. */
  held: boolean;
  /** A moderator is asked to look. */
  caseNeeded: boolean;
  /** Watched words: hold it for a moderator first (not a worry about the writer). */
  watchedHold: boolean;
  /** Watched words: a moderator is asked to look, and it is posted. */
  watchedFlag: boolean;
  /** Watched words hidden from everyone but moderators. */
  hide: string[];
}

/**
 * Checks the watched words (site data): a "block" word refuses the post in plain words that
 * name the word and keep the rest; the other actions are for the caller to carry out.
 */
async function watchedIn(deps: ForumDeps, words: string, language?: string) {
  const found = await deps.screening.watched(words, language);
  if (found.block.length > 0) {
    throw problems.invalid({
      body: t('forum.problems.watchedBlock', {
        words: found.block.map((w) => `"${w}"`).join(', '),
        count: found.block.length,
      }),
    });
  }
  return found;
}

/** Words being sent (not a draft being saved): watched words apply to them. */
export async function screenWriting(
  deps: ForumDeps,
  words: string,
  language?: string,
  { sending = true }: { sending?: boolean } = {},
): Promise<Screened> {
  const [{ tier }, watched] = await Promise.all([
    deps.screening.screen(words, language),
    sending
      ? watchedIn(deps, words, language)
      : { block: [] as string[], hold: [] as string[], flag: [] as string[], hide: [] as string[] },
  ]);
  const worrying = tier === 'medium' || tier === 'high';
  return {
    tier,
    care: { support: worrying, personalDetails: deps.screening.personalDetails(words) },
    held: tier === 'high',
    caseNeeded: worrying,
    watchedHold: watched.hold.length > 0,
    watchedFlag: watched.flag.length > 0,
    hide: watched.hide,
  };
}

/**
 * What readers are shown: the post as written, or, when watched words are to be hidden, the
 * post rendered again with them hidden. The words as written stay in `body` for moderators.
 */
export function shownWords(
  deps: Pick<ForumDeps, 'screening'>,
  body: string,
  rendered: { html: string; text: string },
  hide: string[],
): { html: string; text: string } {
  if (hide.length === 0) return rendered;
  const hidden = renderPost(deps.screening.hideWords(body, hide));
  return { html: hidden.html, text: hidden.text };
}

/**
 * Screens a post being sent (new or changed): its title, words and link addresses. Watched
 * words to hide are hidden in what readers are shown; in a title they are refused instead (a
 * title is shown in lists and mail, and is kept as written). Words that slip past the hiding
 * (written across markup) hold the post for a moderator.
 */
export async function screenSending(
  deps: ForumDeps,
  post: { title?: string | undefined; body: string },
  rendered: { html: string; text: string; links: string[] },
  language?: string,
): Promise<{ screened: Screened; shown: { html: string; text: string } }> {
  // A link's address is read as words too ("cheap-pills.example" says "cheap pills").
  const addresses = rendered.links.map((link) => link.replace(/[^\p{L}\p{N}]+/gu, ' '));
  const words = [post.title ?? '', rendered.text, ...addresses].join('\n');
  const screened = await screenWriting(deps, words, language);
  if (
    post.title !== undefined &&
    screened.hide.length > 0 &&
    deps.screening.hideWords(post.title, screened.hide) !== post.title
  ) {
    throw problems.invalid({ title: t('forum.problems.watchedTitle') });
  }
  const shown = shownWords(deps, post.body, rendered, screened.hide);
  if (
    screened.hide.length > 0 &&
    (await deps.screening.watched(shown.text, language)).hide.length
  ) {
    return { screened: { ...screened, watchedHold: true }, shown };
  }
  return { screened, shown };
}

/**
 * After an edit: worrying words (medium, high) open a screening case, and watched words to hold
 * or flag a review case. The post stays as readers see it; a moderator decides. In the edit's
 * own transaction.
 */
export async function lookAtEdit(
  deps: ForumDeps,
  tx: Tx,
  enqueue: Enqueue,
  post: PostToLookAt['post'],
  screened: Screened,
): Promise<void> {
  if (screened.caseNeeded) {
    await deps.cases.lookAt(tx, enqueue, { post, why: 'screening', tier: screened.tier });
  }
  if (screened.watchedHold || screened.watchedFlag) {
    await deps.cases.lookAt(tx, enqueue, { post, why: 'review', tier: 'none' });
  }
}
