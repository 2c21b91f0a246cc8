// Pictures in posts: uploading one (checked, shrunk, stripped of places and dates), who may
// put one in a post, and who may see one.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import sharp, { type OutputInfo } from 'sharp';
import type { PostKind } from '../../../contract/forum';
import { FORUM_IMAGE_PATH } from '../../../contract/values';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { imageIdsIn } from '../../lib/markdown';
import type { ForumDeps } from './deps';
import {
  canCreateTopic,
  canEmbedImage,
  canSeeImage,
  canSeeTopic,
  type PostFacts,
} from './permissions';
import { forumImages, forumImageUses, forumReplies, forumTopics } from './tables';
import { boardRights } from './visibility';
import { spend } from './writing';

export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const IMAGE_MAX_SIDE = 1600;
const ACCEPTED_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** Who may see a picture: every member (it is in a category's post), or fewer (board, or unused). */
export type ImageAudience = 'members' | 'restricted';

/**
 * The pictures a post shows must exist and be the writer's own uploads (an edit may keep
 * those the post already showed). Answers their ids, to record the post's use of them.
 */
export async function checkImagesUsable(
  { db }: ForumDeps,
  actor: Actor,
  images: { src: string }[],
  post?: { kind: PostKind; id: string },
): Promise<string[]> {
  const ids = [...new Set(imageIdsIn(images.map((i) => ({ ...i, alt: '' }))))];
  if (ids.length === 0) return ids;
  const found = await db
    .select({ id: forumImages.id, uploaderId: forumImages.uploaderId })
    .from(forumImages)
    .where(inArray(forumImages.id, ids));
  if (found.length !== ids.length)
    throw problems.invalid({ body: t('forum.fields.body.imageSource') });
  const foreign = found.filter((image) => !canEmbedImage(actor, image, false));
  if (foreign.length === 0) return ids;
  const kept = post
    ? await db
        .select({ imageId: forumImageUses.imageId })
        .from(forumImageUses)
        .where(
          and(
            eq(forumImageUses.postKind, post.kind),
            eq(forumImageUses.postId, post.id),
            inArray(
              forumImageUses.imageId,
              foreign.map((image) => image.id),
            ),
          ),
        )
    : [];
  const inThisPost = new Set(kept.map((k) => k.imageId));
  if (foreign.some((image) => !canEmbedImage(actor, image, inThisPost.has(image.id)))) {
    throw problems.invalid({ body: t('forum.fields.body.imageNotYours') });
  }
  return ids;
}

/** Checks the file really is a picture, shrinks it and strips its metadata (places, dates). */
export async function uploadImage(deps: ForumDeps, actor: Actor, data: Buffer) {
  if (!canCreateTopic(actor)) throw problems.signInNeeded();
  if (data.length > IMAGE_MAX_BYTES) throw problems.tooLarge();
  await spend(deps, 'forumUploadPerUser', actor);
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(data);
  if (!sniffed || !ACCEPTED_IMAGES.has(sniffed.mime)) {
    throw problems.invalid({ image: t('forum.fields.image.kind') }, t('forum.problems.imageKind'));
  }
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(data, { animated: false, limitInputPixels: 40_000_000 })
      .rotate()
      .resize({
        width: IMAGE_MAX_SIDE,
        height: IMAGE_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw problems.invalid(
      { image: t('forum.fields.image.broken') },
      t('forum.problems.imageKind'),
    );
  }
  const id = randomUUID();
  const storageKey = `forum/${id}.webp`;
  await deps.storage.put(storageKey, output.data);
  await deps.db.insert(forumImages).values({
    id,
    uploaderId: actor.userId,
    storageKey,
    mime: 'image/webp',
    width: output.info.width,
    height: output.info.height,
    bytes: output.data.length,
  });
  return {
    id,
    url: `${FORUM_IMAGE_PATH}${id}`,
    width: output.info.width,
    height: output.info.height,
  };
}

/**
 * A picture, for its uploader and for those who may see a live post that shows it.
 * Anyone else gets 404, as for a picture that does not exist, so ids are not confirmed.
 */
export async function image(
  deps: ForumDeps,
  actor: Actor | null,
  id: string,
): Promise<{ data: Buffer; mime: string; audience: ImageAudience }> {
  const { db } = deps;
  const [row] = await db
    .select({
      uploaderId: forumImages.uploaderId,
      storageKey: forumImages.storageKey,
      mime: forumImages.mime,
    })
    .from(forumImages)
    .where(eq(forumImages.id, id))
    .limit(1);
  if (!row) throw problems.notFound();
  const uses = await db
    .select({
      groupId: forumTopics.groupId,
      topicDeletedAt: forumTopics.deletedAt,
      replyDeletedAt: forumReplies.deletedAt,
    })
    .from(forumImageUses)
    .innerJoin(forumTopics, eq(forumTopics.id, forumImageUses.topicId))
    .leftJoin(
      forumReplies,
      and(eq(forumImageUses.postKind, 'reply'), eq(forumReplies.id, forumImageUses.postId)),
    )
    .where(eq(forumImageUses.imageId, id));
  // A removed post (or a post in a removed topic) no longer shows its pictures.
  const live = uses.filter((u) => u.topicDeletedAt === null && u.replyDeletedAt === null);
  const facts = (groupId: string | null): PostFacts => ({
    authorId: null,
    deleted: false,
    groupId,
  });
  const inCategory = live.some((u) => u.groupId === null);
  let seesAUse = inCategory && canSeeTopic(actor, facts(null), true);
  if (!seesAUse) {
    const boards = [...new Set(live.map((u) => u.groupId).filter((g): g is string => g !== null))];
    // One question for all the boards that show it.
    const rights = await boardRights(deps, actor, boards);
    seesAUse = boards.some((groupId) => canSeeTopic(actor, facts(groupId), rights.sees(groupId)));
  }
  if (!canSeeImage(actor, row, seesAUse)) throw problems.notFound();
  const data = await deps.storage.get(row.storageKey);
  if (!data) throw problems.notFound();
  return { data, mime: row.mime, audience: inCategory ? 'members' : 'restricted' };
}
