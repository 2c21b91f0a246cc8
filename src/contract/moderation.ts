import { z } from 'zod';
import { SiteRole } from './accounts';
import { IdParams, Page, Uuid, WrittenText } from './common';
import { Body, Title } from './forum';
import { timeZoneName } from './groups';
import { TrustLevel } from './trust';

/** Why a case was opened (SAFETY.md): each sets how soon a moderator should look. */
export const caseReasons = ['screening', 'concern', 'report', 'review', 'appeal'] as const;
export const CaseReason = z.enum(caseReasons);
export type CaseReason = z.infer<typeof CaseReason>;

/** The queue's order: crisis first, then safety, then the rest. */
export const casePriorities = ['crisis', 'safety', 'other'] as const;
export const CasePriority = z.enum(casePriorities);
export type CasePriority = z.infer<typeof CasePriority>;

export const caseStatuses = ['open', 'claimed', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** How worrying the screening found some words (the safety module's tiers). */
export const caseTiers = ['low', 'medium', 'high'] as const;
export const CaseTier = z.enum(caseTiers);
export type CaseTier = z.infer<typeof CaseTier>;

/** What a case is about: a post, or a person (their profile). */
export const subjectKinds = ['topic', 'reply', 'profile'] as const;
export const SubjectKind = z.enum(subjectKinds);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z.object({ kind: SubjectKind, id: Uuid }).strict();
export type Subject = z.infer<typeof Subject>;

/** Why a member reports something: one tap, shown with a picture and words. */
export const reportReasons = [
  'unkind',
  'unsafe',
  'private_details',
  'selling',
  'spam',
  'other',
] as const;
export const ReportReason = z.enum(reportReasons);
export type ReportReason = z.infer<typeof ReportReason>;

/** Report reasons about harm or safety: their cases come before the rest. */
export const safetyReportReasons: readonly ReportReason[] = ['unsafe', 'private_details'];

/**
 * What a moderator may do to close a case. `reach_out` sends the person kind words and
 * where to find help; `edit` changes a post's words (the earlier ones are kept);
 * `uphold` and `overturn` answer an appeal.
 */
export const moderationActions = [
  'dismiss',
  'reach_out',
  'hide',
  'restore',
  'edit',
  'warn',
  'mute',
  'suspend',
  'ban',
  'uphold',
  'overturn',
] as const;
export const ModerationAction = z.enum(moderationActions);
export type ModerationAction = z.infer<typeof ModerationAction>;

/** Actions that change what a person may do (site-wide: moderators only). */
export const restrictingActions = ['mute', 'suspend', 'ban'] as const;
/** Actions a person acted on may appeal. */
export const appealableActions: readonly ModerationAction[] = [
  'hide',
  'edit',
  'warn',
  'mute',
  'suspend',
  'ban',
];

/** Why a moderator did what they did: a few reasons in words, or 'other' with a note. */
export const actionReasons = [
  'nothing_wrong',
  'needs_support',
  'unkind',
  'unsafe',
  'private_details',
  'selling',
  'spam',
  'harmful_advice',
  'other',
] as const;
export const ActionReason = z.enum(actionReasons);
export type ActionReason = z.infer<typeof ActionReason>;

/** How long a mute or a suspension lasts, in days; a mute with none lasts until lifted. */
export const restrictionDays = [1, 7, 30] as const;
export const RestrictionDays = z.union([z.literal(1), z.literal(7), z.literal(30)]);

export const Person = z.object({ id: Uuid.nullable(), displayName: z.string() });
export type Person = z.infer<typeof Person>;

/** One case in the queue: no words anyone wrote, so a list of them shows nothing private. */
export const QueueItem = z.object({
  id: Uuid,
  reason: CaseReason,
  tier: CaseTier.nullable(),
  priority: CasePriority,
  status: CaseStatus,
  subject: Subject,
  /** Set when the subject is on a group's board. */
  groupId: Uuid.nullable(),
  groupName: z.string().nullable(),
  /** How many times it was raised (reports, screenings of edits); the newest when. */
  openings: z.number().int().min(1),
  openedAt: z.iso.datetime(),
  latestAt: z.iso.datetime(),
  /** How long it has waited for a moderator, in minutes and in words. */
  waitedMinutes: z.number().int().min(0),
  waited: z.string(),
  claimedBy: Person.nullable(),
  claimedAt: z.iso.datetime().nullable(),
  /** The one asking claimed it. */
  mine: z.boolean(),
  /** The claim is older than 30 minutes: another moderator may take it over. */
  claimStale: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = Page(QueueItem);
export type QueuePage = z.infer<typeof QueuePage>;

const CursorText = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'fields.cursor.invalid' });

export const QueueQuery = z.object({ cursor: CursorText.optional() }).strict();

export const ActionSummary = z.object({
  id: Uuid,
  caseId: Uuid,
  action: ModerationAction,
  reason: ActionReason,
  note: z.string().nullable(),
  days: z.number().int().nullable(),
  until: z.iso.datetime().nullable(),
  by: Person.nullable(),
  at: z.iso.datetime(),
  appealed: z.boolean(),
  overturned: z.boolean(),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

/** A post as a moderator sees it: its words even while hidden or held. */
export const CasePost = z.object({
  kind: z.enum(['topic', 'reply']),
  id: Uuid,
  topicId: Uuid,
  author: Person,
  /** Sanitised on the server, like any post. */
  bodyHtml: z.string(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** Taken from view (by its author or staff). */
  deleted: z.boolean(),
  /** Waiting for a moderator: only its author and moderators see it. */
  held: z.boolean(),
  /** The words shown are a moderator's change (the author's are kept as a revision). */
  editedByModerator: z.boolean(),
  /** The post the case is about (the rest is its thread). */
  isSubject: z.boolean(),
});
export type CasePost = z.infer<typeof CasePost>;

export const CaseDetail = z.object({
  case: QueueItem.extend({
    closedAt: z.iso.datetime().nullable(),
    closedBy: Person.nullable(),
    outcome: ModerationAction.nullable(),
    outcomeReason: ActionReason.nullable(),
    outcomeNote: z.string().nullable(),
  }),
  /** The post, or null for a case about a person. */
  content: CasePost.nullable(),
  /** For a case about a profile, to moderators: the person's "about me" as written. */
  about: z.string().nullable(),
  /** The topic it sits in, and a few posts around it. */
  thread: z.object({ topicId: Uuid, title: z.string(), posts: z.array(CasePost) }).nullable(),
  /** The person the case is about, and their history here. */
  person: z
    .object({
      id: Uuid,
      displayName: z.string(),
      trustLevel: TrustLevel,
      siteRole: SiteRole,
      joinedAt: z.iso.datetime(),
      restrictions: z.array(
        z.object({
          kind: z.enum(restrictingActions),
          until: z.iso.datetime().nullable(),
        }),
      ),
      earlierCases: z.array(
        z.object({
          id: Uuid,
          reason: CaseReason,
          priority: CasePriority,
          openedAt: z.iso.datetime(),
          outcome: ModerationAction.nullable(),
        }),
      ),
      actions: z.array(ActionSummary),
    })
    .nullable(),
  /** Moderators see who reported; the person reported never does. */
  reports: z.array(
    z.object({ reason: ReportReason, weight: z.number(), at: z.iso.datetime(), by: Person }),
  ),
  /** For an appeal: the action appealed and the person's own words. */
  appeal: z.object({ action: ActionSummary, words: z.string(), at: z.iso.datetime() }).nullable(),
  /**
   * The words of the post the case is about as its author wrote them (markdown), for a
   * moderator's edit; null for a case about a person, or a post that is gone.
   */
  currentWords: z.object({ title: z.string().nullable(), body: z.string() }).nullable(),
  /** What the one asking may do with it now. */
  canClaim: z.boolean(),
  canAct: z.boolean(),
  actions: z.array(ModerationAction),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseClaim = z.object({
  id: Uuid,
  status: CaseStatus,
  claimedBy: Person.nullable(),
  claimedAt: z.iso.datetime().nullable(),
});
export type CaseClaim = z.infer<typeof CaseClaim>;

export const ActionBody = z
  .object({
    action: ModerationAction,
    reason: ActionReason,
    note: WrittenText.max(500, { error: 'moderation.fields.note.tooLong' }).optional(),
    days: RestrictionDays.optional(),
    /** For `edit`: the post's new words (markdown, checked like any post). */
    body: Body.optional(),
    /** For `edit` of a topic: its new title, if that changes too. */
    title: Title.optional(),
  })
  .strict()
  .refine((v) => v.reason !== 'other' || (v.note ?? '').trim().length >= 2, {
    error: 'moderation.fields.note.required',
    path: ['note'],
  })
  .refine((v) => v.action !== 'edit' || v.body !== undefined, {
    error: 'moderation.fields.body.required',
    path: ['body'],
  })
  .refine((v) => v.action === 'edit' || (v.body === undefined && v.title === undefined), {
    error: 'moderation.fields.body.onlyForEdit',
    path: ['body'],
  });
export type ActionBody = z.infer<typeof ActionBody>;

export const ActionDone = z.object({ action: ActionSummary, case: CaseClaim });
export type ActionDone = z.infer<typeof ActionDone>;

/** An action as the person it was about sees it: what, why, until when, and the appeal. */
export const MyAction = z.object({
  id: Uuid,
  action: ModerationAction,
  reason: ActionReason,
  until: z.iso.datetime().nullable(),
  at: z.iso.datetime(),
  canAppeal: z.boolean(),
  appealedAt: z.iso.datetime().nullable(),
  overturned: z.boolean(),
});
export type MyAction = z.infer<typeof MyAction>;

export const AppealBody = z
  .object({
    words: WrittenText.min(2, { error: 'moderation.fields.appeal.tooShort' }).max(2000, {
      error: 'moderation.fields.appeal.tooLong',
    }),
  })
  .strict();
export type AppealBody = z.infer<typeof AppealBody>;

export const AppealOpened = z.object({ caseId: Uuid });

/**
 * The link in the mail a suspended or banned person gets (they cannot sign in): it opens
 * their appeal of that one decision. The token is the fragment of the link, sent in a body.
 */
const AppealToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'moderation.fields.appealToken.invalid' });

export const AppealLinkBody = z.object({ token: AppealToken }).strict();
export type AppealLinkBody = z.infer<typeof AppealLinkBody>;

export const AppealLinkDecision = MyAction.omit({ id: true });
export type AppealLinkDecision = z.infer<typeof AppealLinkDecision>;

export const AppealByLinkBody = AppealBody.extend({ token: AppealToken }).strict();
export type AppealByLinkBody = z.infer<typeof AppealByLinkBody>;

export const AppealByLinkDone = z.object({
  /** What happens next, in plain words. */
  message: z.string(),
});
export type AppealByLinkDone = z.infer<typeof AppealByLinkDone>;

export const ReportBody = z.object({ subject: Subject, reason: ReportReason }).strict();
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportDone = z.object({
  /** False when this person had reported it already: counted once. */
  counted: z.boolean(),
  /** What happens next, in plain words. */
  message: z.string(),
});
export type ReportDone = z.infer<typeof ReportDone>;

/** "I am worried about this person", on a post or a profile. */
export const ConcernBody = z.object({ subject: Subject }).strict();
export type ConcernBody = z.infer<typeof ConcernBody>;

export const ConcernDone = z.object({ message: z.string() });
export type ConcernDone = z.infer<typeof ConcernDone>;

/** The reasons, in words, for the report buttons. */
export const ReportReasons = z.object({
  reasons: z.array(z.object({ reason: ReportReason, label: z.string(), hint: z.string() })),
});

/** When moderators look, said honestly (a site setting). */
export const ModerationHours = z.object({
  /** "A moderator usually looks within 2 hours, 8 am to 10 pm UK time." */
  sentence: z.string(),
  days: z.array(z.number().int().min(0).max(6)),
  from: z.string(),
  until: z.string(),
  timeZone: z.string(),
  typicalWaitHours: z.number(),
  /** Moderators are usually looking right now. */
  openNow: z.boolean(),
});
export type ModerationHours = z.infer<typeof ModerationHours>;

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'moderation.fields.time.invalid' });

/** The site setting behind ModerationHours: days 0 (Sunday) to 6, times in `timeZone`. */
export const ModerationHoursSetting = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    from: ClockTime,
    until: ClockTime,
    timeZone: timeZoneName('moderation.fields.timeZone.invalid'),
  })
  .strict();
export type ModerationHoursSetting = z.infer<typeof ModerationHoursSetting>;

/** How much one report counts, by the reporter's trust level (a site setting). */
export const ReportWeights = z
  .object({
    new: z.number().min(0).max(10),
    basic: z.number().min(0).max(10),
    member: z.number().min(0).max(10),
    regular: z.number().min(0).max(10),
    leader: z.number().min(0).max(10),
  })
  .strict();
export type ReportWeights = z.infer<typeof ReportWeights>;

export const auditActions = [
  'case.view',
  'case.claim',
  'case.release',
  'case.action',
  'report.hold',
  'appeal.open',
  'private.view',
  // An admin changed the watched words (safety): subject is the entry, detail its words.
  'watched_word.add',
  'watched_word.change',
  'watched_word.remove',
  'trust.set',
] as const;

export const AuditEntry = z.object({
  /** A number as text: the log's own order. */
  id: z.string(),
  at: z.iso.datetime(),
  actor: Person.nullable(),
  action: z.string(),
  subject: z.object({ kind: z.string(), id: Uuid }).nullable(),
  /** Ids and reasons, never anything a person wrote. */
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = Page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditQuery = z
  .object({
    cursor: CursorText.optional(),
    actorId: z.uuid({ error: 'moderation.fields.actorId.invalid' }).optional(),
    subjectId: z.uuid({ error: 'moderation.fields.subjectId.invalid' }).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export { IdParams };
