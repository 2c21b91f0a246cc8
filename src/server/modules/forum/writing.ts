// What every piece of writing is checked for before it is stored: its words, and its pace.

import type { Actor } from '../../lib/access';
import { Problem, problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { imageProblems, renderPost } from '../../lib/markdown';
import type { LimitName } from '../../lib/rate-limit';
import type { ForumDeps } from './deps';

/** The text-search configuration for a post's language; only English strings exist yet. */
export function searchConfigFor(language: string | undefined): string {
  return !language || language === 'en' || language.startsWith('en-') ? 'english' : 'simple';
}

/** Checks a post's words: pictures need alt text and must be our own uploads. */
export function renderChecked(body: string) {
  const rendered = renderPost(body);
  const problem = imageProblems(rendered.images);
  if (problem) throw problems.invalid({ body: t(`forum.${problem}`) });
  if (rendered.text.length === 0 && rendered.images.length === 0) {
    throw problems.invalid({ body: t('forum.fields.body.required') });
  }
  return rendered;
}

/** Writes a muted person may not make: drafts and reactions stay theirs. */
const stoppedByMute: ReadonlySet<LimitName> = new Set([
  'forumTopicPerUser',
  'forumReplyPerUser',
  'forumEditPerUser',
  'forumUploadPerUser',
]);

/**
 * Counts one write against the person's limit. The 429 says, in plain words, that the words
 * are kept: nothing was written, and no draft is thrown away. A muted person hears why.
 */
export async function spend(
  { limits, postingBar }: ForumDeps,
  name: LimitName,
  actor: Actor,
): Promise<void> {
  if (stoppedByMute.has(name)) {
    const why = await postingBar(actor.userId);
    if (why) throw new Problem(403, 'muted', why);
  }
  try {
    await limits.consume(name, actor.userId);
  } catch (error) {
    if (error instanceof Problem && error.status === 429) {
      const seconds = Number(error.headers['retry-after'] ?? 60);
      throw new Problem(
        429,
        error.type,
        t('forum.problems.writingTooFast', { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
        undefined,
        error.headers,
      );
    }
    throw error;
  }
}
