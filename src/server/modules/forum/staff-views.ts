// Staff shown what only staff may see on a topic page: held posts (only their authors and
// moderators see them), or a private group's board they could not read as a plain member.
// Each such look is written to the audit log, through the narrow function the wiring passes.
import { type Actor, isModerator } from '../../lib/access';

/** What kind of private content a staff person was shown; never any of its words. */
export type StaffSight = 'private_board' | 'held_posts';

export interface StaffView {
  actorId: string;
  subject: { kind: 'topic'; id: string };
  what: StaffSight[];
  /** How many held posts the page showed them. */
  heldPosts: number;
  groupBoard: boolean;
}

/** Where the forum tells the audit log (moderation's face provides it). */
export interface StaffViewLog {
  staffSaw(view: StaffView): Promise<void>;
}

/** Where no audit log is wired in (a bench), nothing is written. */
export const unlogged: StaffViewLog = { staffSaw: async () => {} };

/**
 * What on this page the person sees only because they are staff, or null when nothing:
 * held posts by others, and a board that, as a plain member, they could not read.
 */
export function staffSightsOn(
  actor: Actor,
  page: {
    topic: { id: string; groupId: string | null };
    posts: { authorId: string | null; heldAt?: Date | null | undefined }[];
    /** Whether they would see this board with their site role taken away. */
    seesBoardAsMember: boolean;
  },
): StaffView | null {
  if (!isModerator(actor)) return null;
  const what: StaffSight[] = [];
  if (page.topic.groupId !== null && !page.seesBoardAsMember) what.push('private_board');
  const heldPosts = page.posts.filter(
    (p) => (p.heldAt ?? null) !== null && p.authorId !== actor.userId,
  ).length;
  if (heldPosts > 0) what.push('held_posts');
  if (what.length === 0) return null;
  return {
    actorId: actor.userId,
    subject: { kind: 'topic', id: page.topic.id },
    what,
    heldPosts,
    groupBoard: page.topic.groupId !== null,
  };
}
