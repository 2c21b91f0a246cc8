import { z } from 'zod';
import { MemberRole } from './accounts';
import { GroupFormat, timeZoneName } from './groups';

/** The person's time zone, as the browser knows it ("Europe/London"); meetings are told in it. */
export const HomeQuery = z
  .object({
    timeZone: timeZoneName('home.fields.timeZone.invalid').optional(),
  })
  .strict();
export type HomeQuery = z.infer<typeof HomeQuery>;

/** The next meeting of one of the person's groups. */
export const HomeMeeting = z.object({
  groupId: z.uuid(),
  groupName: z.string(),
  format: GroupFormat,
  caregiversOnly: z.boolean(),
  startsAt: z.iso.datetime(),
  /** "Tuesday 10 March at 2 pm", in the person's time zone. */
  text: z.string(),
  /** That time zone in words: "UK time". */
  zone: z.string(),
});
export type HomeMeeting = z.infer<typeof HomeMeeting>;

/** A topic the person started or replied in, with replies from others since they last read it. */
export const HomeReplies = z.object({
  topicId: z.uuid(),
  title: z.string(),
  /** Where it is: a forum category's or a group's name. */
  where: z.string(),
  newReplies: z.number().int().min(1),
  latestAt: z.iso.datetime(),
});
export type HomeReplies = z.infer<typeof HomeReplies>;

/** A group the person runs, with people waiting for an answer. */
export const HomeJoinRequests = z.object({
  groupId: z.uuid(),
  groupName: z.string(),
  waiting: z.number().int().min(0),
});
export type HomeJoinRequests = z.infer<typeof HomeJoinRequests>;

export const HomeCategory = z.object({ slug: z.string(), name: z.string() });
export type HomeCategory = z.infer<typeof HomeCategory>;

export const HomeGroup = z.object({ id: z.uuid(), name: z.string(), format: GroupFormat });
export type HomeGroup = z.infer<typeof HomeGroup>;

/** The signed-in person's own Home. Each list may be empty; the page says so. */
export const HomeResponse = z.object({
  role: MemberRole,
  /** No groups and no posts yet: the page offers first steps. */
  isNew: z.boolean(),
  /** For carers, shown first: the carers' forum part and carers' groups to find. */
  carers: z
    .object({
      category: HomeCategory.nullable(),
      groups: z.array(HomeGroup),
    })
    .nullable(),
  meetings: z.array(HomeMeeting),
  replies: z.array(HomeReplies),
  /** Null when the person runs no group. */
  joinRequests: z.array(HomeJoinRequests).nullable(),
  /** Where to say hello; null if the forum has no Introductions part. */
  introductions: HomeCategory.nullable(),
});
export type HomeResponse = z.infer<typeof HomeResponse>;
