import { randomUUID } from 'node:crypto';
import type { ReactionKind } from '../../contract/forum';
import type { Actor } from '../lib/access';
import type { ForumService } from '../modules/forum/service';

interface DemoReply {
  by: string;
  body: string;
  helpfulFrom?: string[];
  reactions?: [string, ReactionKind][];
}

interface DemoTopic {
  by: string;
  category: string;
  title: string;
  body: string;
  helpfulFrom?: string[];
  reactions?: [string, ReactionKind][];
  replies: DemoReply[];
}

/** A few believable conversations, so the demo forum is not empty. Every word is made up. */
const demoTopics: DemoTopic[] = [
  {
    by: 'maggie',
    category: 'introductions',
    title: 'Hello from Maggie',
    body: 'Hello. I had a stroke in 2023. Words are hard for me. I like my garden.\n\nI am glad to find you.',
    reactions: [
      ['june', 'sending_strength'],
      ['tomasz', 'me_too'],
    ],
    replies: [
      { by: 'helen', body: 'Welcome, Maggie. **Take your time** here. We are glad you came.' },
      { by: 'tomasz', body: 'Hello Maggie. Words are slow for me too. Gardens help.' },
    ],
  },
  {
    by: 'frank',
    category: 'daily-life',
    title: 'Getting dressed with one good hand',
    body: 'My left side is still weak. Buttons take me ages in the morning.\n\nWhat helps you get dressed?',
    replies: [
      {
        by: 'tomasz',
        body: 'A **button hook** changed my mornings. It costs very little.\n\n- Put the weak arm in the sleeve first\n- Sit down to do trousers',
        helpfulFrom: ['frank', 'bill', 'lena'],
        reactions: [['frank', 'thank_you']],
      },
      {
        by: 'pat',
        body: 'My neighbour uses shirts with magnet buttons. Worth a look.',
        helpfulFrom: ['frank'],
      },
    ],
  },
  {
    by: 'aoife',
    category: 'speech-aphasia',
    title: 'Words that hide',
    body: 'Some days the word is there, then it hides. My speech therapist says *rest* helps. Does it help you?',
    reactions: [
      ['maggie', 'me_too'],
      ['kwame', 'me_too'],
    ],
    replies: [
      {
        by: 'helen',
        body: 'Yes. When a word hides, I **describe it** instead: "the thing for soup". People understand.',
        helpfulFrom: ['aoife', 'maggie', 'kwame'],
      },
      {
        by: 'chloe',
        body: 'Describing is a great way round. Tiredness makes word-finding harder for many people.',
      },
    ],
  },
  {
    by: 'carol',
    category: 'caregivers',
    title: 'Some days are long',
    body: 'Caring for Bill since 2020. I love him. Some days I feel very alone.',
    reactions: [
      ['sam', 'sending_strength'],
      ['mei', 'me_too'],
      ['ruth', 'sending_strength'],
    ],
    replies: [
      {
        by: 'nora',
        body: 'You are not alone here. Getting one afternoon a week for myself made a big difference. Ask your local council about **respite care**.',
        helpfulFrom: ['carol', 'sam'],
      },
    ],
  },
  {
    by: 'dev',
    category: 'back-to-work',
    title: 'Back at work three days a week',
    body: 'I went back after 14 months. A phased return helped: short days at first. Happy to answer questions.',
    reactions: [
      ['kwame', 'thank_you'],
      ['priya', 'thank_you'],
    ],
    replies: [
      { by: 'kwame', body: 'How did you tell your manager about the fatigue?' },
      {
        by: 'dev',
        body: 'I wrote it down before the meeting. I asked for breaks and a quiet desk. They said yes.',
        helpfulFrom: ['kwame', 'priya'],
      },
    ],
  },
  {
    by: 'june',
    category: 'milestones',
    title: 'Nine years on: I made a cake',
    body: 'Today I made a cake, on my own, from my wheelchair. It took all afternoon. It was lovely.',
    reactions: [
      ['maggie', 'sending_strength'],
      ['ruth', 'thank_you'],
      ['frank', 'thank_you'],
    ],
    replies: [{ by: 'ruth', body: 'I had a slice. It was very good! So proud of my sister.' }],
  },
];

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
