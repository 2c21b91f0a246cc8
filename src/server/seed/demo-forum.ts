import { randomUUID } from 'node:crypto';
import type { Actor } from '../lib/access';
import type { ForumService } from '../modules/forum/service';
import { demoTopics } from './demo-forum.data';

const actorFor = (userId: string): Actor => ({
  userId,
  sessionId: '',
  siteRole: 'member',
  trustLevel: 1,
});

/** Posts the demo conversations through the forum service, as the demo members. */
export async function seedDemoForum(
  forum: ForumService,
  idOf: (handle: string) => string | undefined,
): Promise<void> {
  const { categories } = await forum.categories(actorFor(idOf('alex') ?? ''));
  const actor = (handle: string) => {
    const id = idOf(handle);
    if (!id) throw new Error(`demo member ${handle} is missing`);
    return actorFor(id);
  };
  for (const topic of demoTopics) {
    const category = categories.find((c) => c.slug === topic.category);
    if (!category) continue;
    const created = await forum.createTopic(actor(topic.by), {
      categoryId: category.id,
      title: topic.title,
      body: topic.body,
      idempotencyKey: randomUUID(),
    });
    for (const handle of topic.helpfulFrom ?? [])
      await forum.setHelpful(actor(handle), 'topic', created.id, true);
    for (const [handle, kind] of topic.reactions ?? []) {
      await forum.setReaction(actor(handle), 'topic', created.id, kind, true);
    }
    for (const reply of topic.replies) {
      const posted = await forum.createReply(actor(reply.by), created.id, {
        body: reply.body,
        idempotencyKey: randomUUID(),
      });
      for (const handle of reply.helpfulFrom ?? [])
        await forum.setHelpful(actor(handle), 'reply', posted.id, true);
      for (const [handle, kind] of reply.reactions ?? []) {
        await forum.setReaction(actor(handle), 'reply', posted.id, kind, true);
      }
    }
  }
}
