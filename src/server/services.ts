// One wiring: every service is built here once, in dependency order, and the app, the
// tests and the benchmarks all use it. A module reaches another only through what is
// passed in here (its face, or a narrow function), never by importing its service.
import { join } from 'node:path';
import type { Config } from './config';
import type { Db } from './db';
import type { JobQueue } from './lib/jobs';
import type { Mailer } from './lib/mail/mailer';
import type { RateLimits } from './lib/rate-limit';
import { localDiskStorage, type Storage } from './lib/storage';
import {
  changeTrustLevel,
  peopleForTrust,
  personForTrust,
  setTrustLevel,
  siteRolesOf,
} from './modules/accounts/face';
import { createAccountsService } from './modules/accounts/service';
import { createBlocksFace } from './modules/blocks/face';
import { createBlocksService } from './modules/blocks/service';
import { createEventsService } from './modules/events/service';
import { readingOf } from './modules/forum/face';
import { createForumService } from './modules/forum/service';
import { createGroupsFace } from './modules/groups/face';
import { createGroupsService } from './modules/groups/service';
import { createHelpService } from './modules/help/service';
import { createHomeService } from './modules/home/service';
import {
  audit,
  createModerationFace,
  heldForScreening,
  recordStaffView,
  restrictionChecks,
  type StaffViewEntry,
  upheldReportsAgainst,
} from './modules/moderation/face';
import { createModerationService } from './modules/moderation/service';
import { createNotificationsService } from './modules/notifications/service';
import { createProfilesService } from './modules/profiles/service';
import { createSafetyService } from './modules/safety/service';
import { createSettingsService } from './modules/settings/service';
import { createTrustService } from './modules/trust/service';

/** What the services run on. New shared dependencies (the job queue, …) are added here. */
export interface ServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The job queue: use cases enqueue in their transaction; handlers are defined on it. */
  jobs: JobQueue;
  limits: RateLimits;
  /** Where uploaded pictures are kept; defaults to `uploads` in the data folder. */
  storage?: Storage | undefined;
  now?: (() => Date) | undefined;
}

export type Services = ReturnType<typeof createServices>;

/** Builds every service once. */
export function createServices(deps: ServiceDeps) {
  const { db, config, mailer, limits, now } = deps;
  const base = { db, config, mailer, limits, now };
  const storage = deps.storage ?? localDiskStorage(join(config.dataDir, 'uploads'));

  const { jobs } = deps;
  // Who may not sign in or post now (moderation's mutes, suspensions and bans) needs only the
  // database, so accounts and the forum ask it before the moderation service is built.
  const barred = restrictionChecks(db, now);
  // Who keeps whom away (mute, ignore, block) needs only the database too: the mention
  // picker and the forum ask it.
  const blocksFace = createBlocksFace({ db, now });
  const accounts = createAccountsService({
    ...base,
    jobs,
    signInBar: barred.signInBar,
    mentionHidden: blocksFace.blockedEitherWay,
  });
  // Every other module tells people things through this one's face.
  const notifications = createNotificationsService({ ...base, jobs, people: accounts });
  // What people write is screened through this one's face (the forum, later chat and check-ins).
  const safety = createSafetyService({ ...base, accounts, audit });
  const settings = createSettingsService({ ...base, accounts });
  // Cases are opened through moderation's face, inside other modules' transactions.
  const moderationFace = createModerationFace({ db, notifications, now });
  // Staff shown private content (held posts, a closed board, profile fields) are audited.
  const staffViewed = (entry: Omit<StaffViewEntry, 'at'>) =>
    recordStaffView(db, { ...entry, at: now ? now() : new Date() });
  // In dependency order, nothing reached lazily: the groups face needs only the database,
  // so profiles and the forum are built on it before the groups service, which uses the forum.
  const groupsFace = createGroupsFace(db);
  const profiles = createProfilesService({
    ...base,
    accounts,
    shareAGroup: groupsFace.shareAGroup,
    staffViewed,
    aboutCare: {
      screen: (text) => safety.screen(text),
      lookAt: async (userId, tier) => {
        await jobs.transaction((tx, enqueue) =>
          moderationFace.openCase(tx, enqueue, {
            reason: 'screening',
            tier,
            subject: { kind: 'profile', id: userId },
            subjectUserId: userId,
          }),
        );
      },
      held: (userId) => heldForScreening(db, { kind: 'profile', id: userId }),
    },
  });
  const forum = createForumService({
    ...base,
    jobs,
    notifications,
    accounts,
    storage,
    postingBar: barred.postingBar,
    blocks: blocksFace,
    writingRules: async () => {
      const all = await settings.all();
      return {
        postLinks: all['trust.postLinks'],
        postImages: all['trust.postImages'],
        reviewFirstPosts: all['trust.reviewFirstPosts'],
        daysToBasic: all['trust.toBasic'].days,
      };
    },
    screening: safety,
    cases: moderationFace,
    staffViews: {
      staffSaw: async ({ heldPosts, groupBoard, ...view }) => {
        await staffViewed({ ...view, detail: { heldPosts, groupBoard } });
      },
    },
    groupBoards: {
      boardAccess: groupsFace.boardAccess,
      groupNames: groupsFace.groupNames,
      boardReaders: groupsFace.boardReaders,
    },
  });
  const groups = createGroupsService({
    ...base,
    jobs,
    notifications,
    accounts,
    profiles,
    boardTopics: forum,
  });

  // Gatherings ask the groups face who runs and who may see each group's events.
  const events = createEventsService({
    db,
    config,
    jobs,
    limits,
    now,
    notifications,
    groups: groupsFace,
    accounts,
  });

  const moderation = createModerationService({
    ...base,
    jobs,
    notifications,
    settings,
    face: moderationFace,
    heldPosts: forum,
    postEdits: forum,
    profileWords: (userId) => profiles.aboutAsWritten(userId),
  });

  const trust = createTrustService({
    db,
    jobs,
    limits,
    now,
    settings,
    people: {
      peopleForTrust: (afterId, limit) => peopleForTrust(db, afterId, limit),
      personForTrust: (userId) => personForTrust(db, userId),
      setTrustLevel,
      changeTrustLevel: (userId, from, to) => changeTrustLevel(db, userId, from, to),
      authorsByIds: (ids) => accounts.authorsByIds(ids),
    },
    reading: { readingOf: (ids) => readingOf(db, ids) },
    reports: { upheldReportsAgainst: (ids, since) => upheldReportsAgainst(db, ids, since) },
    audit: { audit },
  });

  const blocks = createBlocksService({
    db,
    limits,
    now,
    face: blocksFace,
    people: {
      authorsByIds: (ids) => accounts.authorsByIds(ids),
      siteRoles: (ids) => siteRolesOf(db, ids),
    },
  });

  return {
    accounts,
    blocks,
    profiles,
    groups,
    events,
    forum,
    notifications,
    help: createHelpService(base),
    moderation,
    safety,
    settings,
    trust,
    home: createHomeService({ ...base, accounts }),
  };
}
