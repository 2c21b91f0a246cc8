import { hash, verify } from '@node-rs/argon2';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  CONDUCT_VERSION,
  type MemberRole,
  type PasswordSignInBody,
  type SessionUser,
  type SignUpBody,
} from '../../../contract/accounts';
import { cleanDisplayName } from '../../../contract/names';
import {
  completePreferences,
  type Preferences,
  type PreferencesUpdate,
} from '../../../contract/preferences';
import type { Visibility } from '../../../contract/profiles';
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import { Problem, problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { type Mailer, renderMail } from '../../lib/mail/mailer';
import type { RateLimits } from '../../lib/rate-limit';
import { hashToken, newToken } from '../../lib/tokens';
import { hasRecentEmailProof, mayUseName, roleIsShown, roleShownBesidePosts } from './permissions';
import { type ConsentKind, consents, emailTokens, sessions, users } from './tables';

export const EMAIL_LINK_TTL_MS = 15 * 60 * 1000;
export const SESSION_IDLE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** However much it is used, a session ends this long after its sign-in. */
export const SESSION_ABSOLUTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** A session's expiry is pushed forward at most this often, to spare a write per request. */
const SESSION_REFRESH_AFTER_MS = 60 * 60 * 1000;

export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  limits: RateLimits;
  /** The clock, so tests can move time on. */
  now?: () => Date;
}

// Verifying against this keeps a wrong email as slow as a wrong password.
const dummyHash = await hash('not a real password, only for timing');

/** A stored name as others see it: hidden characters that older rules let in are taken out. */
export function shownName(stored: string): string {
  return cleanDisplayName(stored) || t('accounts.unnamedMember');
}

const staffLikeName = () => problems.invalid({ displayName: t('fields.displayName.staffLike') });

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService({
  db,
  config,
  mailer,
  limits,
  now = () => new Date(),
}: Deps) {
  const tokenHash = (token: string) => hashToken(config.sessionSecret, token);

  async function sendSignInLink(
    userId: string,
    email: string,
    displayName: string,
    welcome: boolean,
  ) {
    const token = newToken();
    await db.transaction(async (tx) => {
      // A new link voids the older unused ones: only the newest mail can sign in.
      await tx
        .delete(emailTokens)
        .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
      await tx.insert(emailTokens).values({
        userId,
        tokenHash: tokenHash(token),
        createdAt: now(),
        expiresAt: new Date(now().getTime() + EMAIL_LINK_TTL_MS),
      });
    });
    const url = `${config.publicUrl}/sign-in/link#token=${token}`;
    const key = welcome ? 'mail.welcome' : 'mail.signIn';
    const body = renderMail({
      greeting: t('mail.greeting', { name: shownName(displayName) }),
      paragraphs: [t(`${key}.intro`), t('mail.linkExpiry')],
      button: { label: t(`${key}.button`), url },
      footer: t('mail.notYou'),
    });
    await mailer.send({ to: email, subject: t(`${key}.subject`), ...body });
  }

  async function sendNoAccountMail(email: string) {
    const body = renderMail({
      greeting: t('mail.hello'),
      paragraphs: [t('mail.noAccount.intro'), t('mail.noAccount.next')],
      button: { label: t('mail.noAccount.button'), url: `${config.publicUrl}/sign-up` },
      footer: t('mail.notYou'),
    });
    await mailer.send({ to: email, subject: t('mail.noAccount.subject'), ...body });
  }

  async function findUserByEmail(email: string) {
    const [user] = await db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    return user;
  }

  /** The version of a consent the person holds now, or null. */
  async function currentConsent(userId: string, kind: ConsentKind): Promise<string | null> {
    const [row] = await db
      .select({ version: consents.version })
      .from(consents)
      .where(
        and(eq(consents.userId, userId), eq(consents.kind, kind), isNull(consents.withdrawnAt)),
      )
      .orderBy(desc(consents.givenAt))
      .limit(1);
    return row?.version ?? null;
  }

  async function sessionUser(userId: string): Promise<SessionUser> {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        siteRole: users.siteRole,
        country: users.country,
        passwordHash: users.passwordHash,
        preferences: users.preferences,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!row) throw problems.notFound();
    const conductVersion = await currentConsent(userId, 'code_of_conduct');
    const { passwordHash, preferences, displayName, ...rest } = row;
    return {
      ...rest,
      displayName: shownName(displayName),
      hasPassword: passwordHash !== null,
      preferences: completePreferences(preferences),
      conductVersion: conductVersion ?? '',
      conductCurrent: conductVersion === CONDUCT_VERSION,
    };
  }

  async function createSession(
    userId: string,
    meta: RequestMeta,
    { byEmailLink = false } = {},
  ): Promise<NewSession> {
    const token = newToken();
    const signedInAt = now();
    const expiresAt = new Date(signedInAt.getTime() + SESSION_IDLE_TTL_MS);
    await db.insert(sessions).values({
      userId,
      tokenHash: tokenHash(token),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      // The absolute lifetime counts from here, so it follows the app's clock.
      createdAt: signedInAt,
      lastUsedAt: signedInAt,
      expiresAt,
      emailProvenAt: byEmailLink ? signedInAt : null,
    });
    await db.update(users).set({ lastSeenAt: now() }).where(eq(users.id, userId));
    return { token, expiresAt, user: await sessionUser(userId) };
  }

  /** 403 with what to do: type the current password, or sign in again by email. */
  function proofNeeded(hasPassword: boolean, fieldKey: string) {
    return new Problem(
      403,
      'proof-needed',
      t(hasPassword ? 'problems.proofNeeded' : 'problems.proofNeededNoPassword'),
      hasPassword ? { currentPassword: t(fieldKey) } : undefined,
    );
  }

  /** Tells the owner their password was set or changed, and what to do if it was not them. */
  async function sendPasswordMail(email: string, displayName: string, changed: boolean) {
    const key = changed ? 'mail.passwordChanged' : 'mail.passwordSet';
    const body = renderMail({
      greeting: t('mail.greeting', { name: shownName(displayName) }),
      paragraphs: [t(`${key}.intro`), t('mail.passwordNotYou'), t('mail.passwordNotYouNext')],
      button: { label: t('mail.passwordButton'), url: `${config.publicUrl}/sign-in` },
      footer: t('mail.passwordFooter'),
    });
    await mailer.send({ to: email, subject: t(`${key}.subject`), ...body });
  }

  return {
    sessionUser,
    createSession,

    /** Starts an account and mails a link. The answer never tells whether the email was known. */
    async signUp(input: SignUpBody, meta: RequestMeta): Promise<void> {
      await limits.consume('signUpPerIp', meta.ip);
      await limits.consume('signUpPerEmail', input.email);
      // Everyone starts as a member, so nobody starts with a staff-like name.
      if (!mayUseName('member', input.displayName)) throw staffLikeName();
      if (input.conductVersion !== CONDUCT_VERSION) {
        throw problems.conflict(t('problems.conductChanged'), {
          acceptConduct: t('problems.conductChanged'),
        });
      }
      const existing = await findUserByEmail(input.email);
      if (existing) {
        await sendSignInLink(existing.id, existing.email, existing.displayName, false);
        return;
      }
      const preferences = input.preferences ?? {};
      const created = await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            email: input.email,
            displayName: input.displayName,
            role: input.role,
            country: input.country ?? null,
            preferences,
            adultConfirmedAt: now(),
          })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        if (!user) return null;
        await tx.insert(consents).values({
          userId: user.id,
          kind: 'code_of_conduct',
          version: CONDUCT_VERSION,
          givenAt: now(),
        });
        return user;
      });
      if (created) {
        await sendSignInLink(created.id, input.email, input.displayName, true);
      } else {
        // Someone signed up with this email a moment ago: treat it as a sign-in.
        const raced = await findUserByEmail(input.email);
        if (raced) await sendSignInLink(raced.id, raced.email, raced.displayName, false);
      }
    },

    /** Mails a sign-in link, or a kind "no account here" note; the answer is the same. */
    async requestEmailLink(email: string, meta: RequestMeta): Promise<void> {
      await limits.consume('emailLinkPerIp', meta.ip);
      await limits.consume('emailLinkPerEmail', email);
      const user = await findUserByEmail(email);
      if (user) await sendSignInLink(user.id, user.email, user.displayName, false);
      else await sendNoAccountMail(email);
    },

    /** Spends a sign-in link once and opens a session. */
    async verifyEmailLink(token: string, meta: RequestMeta): Promise<NewSession> {
      await limits.consume('verifyPerIp', meta.ip);
      const [spent] = await db
        .update(emailTokens)
        .set({ usedAt: now() })
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash(token)),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, now()),
          ),
        )
        .returning({ userId: emailTokens.userId });
      if (!spent) throw problems.gone(t('problems.linkUsedOrOld'));
      await db
        .update(users)
        .set({ emailVerifiedAt: now() })
        .where(and(eq(users.id, spent.userId), isNull(users.emailVerifiedAt)));
      return createSession(spent.userId, meta, { byEmailLink: true });
    },

    async passwordSignIn(input: PasswordSignInBody, meta: RequestMeta): Promise<NewSession> {
      await limits.consume('passwordPerIp', meta.ip);
      await limits.consume('passwordPerEmail', input.email);
      const user = await findUserByEmail(input.email);
      const ok = await verify(user?.passwordHash ?? dummyHash, input.password).catch(() => false);
      if (!user?.passwordHash || !ok) {
        throw problems.signInFailed();
      }
      await limits.reset('passwordPerEmail', input.email);
      return createSession(user.id, meta);
    },

    /** Development only (the route exists outside production): sign in as a demo member. */
    async demoSignIn(userId: string, meta: RequestMeta): Promise<NewSession> {
      if (config.isProduction) throw problems.notFound();
      const [demo] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.isDemo, true)))
        .limit(1);
      if (!demo) throw problems.notFound();
      return createSession(demo.id, meta);
    },

    /**
     * Sets or changes the password. It needs recent proof that the owner is here: the
     * current password, or a sign-in by email link in the last 10 minutes. Otherwise a
     * stolen session could set a password that outlives "sign out everywhere".
     */
    async setPassword(
      actor: Actor,
      input: { password: string; currentPassword?: string | undefined },
    ): Promise<void> {
      const [row] = await db
        .select({
          email: users.email,
          displayName: users.displayName,
          passwordHash: users.passwordHash,
          emailProvenAt: sessions.emailProvenAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, actor.sessionId), eq(sessions.userId, actor.userId)))
        .limit(1);
      if (!row) throw problems.signInNeeded();
      if (input.currentPassword !== undefined) {
        // Each guess counts against the same limit as signing in with a password.
        await limits.consume('passwordPerEmail', row.email);
        const ok = await verify(row.passwordHash ?? dummyHash, input.currentPassword).catch(
          () => false,
        );
        if (!row.passwordHash || !ok) {
          throw proofNeeded(row.passwordHash !== null, 'fields.currentPassword.wrong');
        }
      } else if (!hasRecentEmailProof(row.emailProvenAt, now())) {
        throw proofNeeded(row.passwordHash !== null, 'fields.currentPassword.required');
      }
      const passwordHash = await hash(input.password);
      await db
        .update(users)
        .set({ passwordHash, updatedAt: now() })
        .where(eq(users.id, actor.userId));
      await sendPasswordMail(row.email, row.displayName, row.passwordHash !== null);
    },

    async removePassword(actor: Actor): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash: null, updatedAt: now() })
        .where(eq(users.id, actor.userId));
    },

    /** The actor behind a session cookie, or null; slides the expiry forward as it is used. */
    async actorForToken(token: string): Promise<{ actor: Actor; refreshedUntil?: Date } | null> {
      const current = now();
      const [row] = await db
        .select({
          sessionId: sessions.id,
          userId: sessions.userId,
          createdAt: sessions.createdAt,
          lastUsedAt: sessions.lastUsedAt,
          siteRole: users.siteRole,
          trustLevel: users.trustLevel,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.tokenHash, tokenHash(token)),
            gt(sessions.expiresAt, current),
            // The absolute lifetime holds even for a session whose expiry was written earlier.
            gt(sessions.createdAt, new Date(current.getTime() - SESSION_ABSOLUTE_TTL_MS)),
          ),
        )
        .limit(1);
      if (!row) return null;
      const actor: Actor = {
        userId: row.userId,
        sessionId: row.sessionId,
        siteRole: row.siteRole,
        trustLevel: row.trustLevel,
      };
      if (current.getTime() - row.lastUsedAt.getTime() < SESSION_REFRESH_AFTER_MS) return { actor };
      // Slides forward with use, but never past the absolute end.
      const refreshedUntil = new Date(
        Math.min(
          current.getTime() + SESSION_IDLE_TTL_MS,
          row.createdAt.getTime() + SESSION_ABSOLUTE_TTL_MS,
        ),
      );
      await db
        .update(sessions)
        .set({ lastUsedAt: current, expiresAt: refreshedUntil })
        .where(eq(sessions.id, row.sessionId));
      await db.update(users).set({ lastSeenAt: current }).where(eq(users.id, row.userId));
      return { actor, refreshedUntil };
    },

    async signOut(actor: Actor): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, actor.sessionId));
    },

    /** Ends every session, and voids every unused sign-in link, so nothing old still works. */
    async signOutEverywhere(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
        await tx
          .delete(emailTokens)
          .where(and(eq(emailTokens.userId, actor.userId), isNull(emailTokens.usedAt)));
      });
    },

    async updatePreferences(actor: Actor, update: PreferencesUpdate): Promise<Preferences> {
      const [row] = await db
        .update(users)
        .set({
          preferences: sql`${users.preferences} || ${JSON.stringify(update)}::jsonb`,
          updatedAt: now(),
        })
        .where(eq(users.id, actor.userId))
        .returning({ preferences: users.preferences });
      if (!row) throw problems.notFound();
      return completePreferences(row.preferences);
    },

    async acceptConduct(actor: Actor, version: string): Promise<void> {
      if (version !== CONDUCT_VERSION) throw problems.conflict(t('problems.conductChanged'));
      await db.insert(consents).values({
        userId: actor.userId,
        kind: 'code_of_conduct',
        version,
        givenAt: now(),
      });
    },

    /** The account an email belongs to, or null (for staff naming people to run things). */
    async userIdByEmail(email: string): Promise<string | null> {
      return (await findUserByEmail(email))?.id ?? null;
    },

    /** A member's self-described role (one small query, for rules like caregiver-only groups). */
    async memberRole(userId: string): Promise<MemberRole> {
      const [row] = await db
        .select({ role: users.role })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      if (!row) throw problems.notFound();
      return row.role;
    },

    /**
     * Names and roles of the people who wrote things, for showing beside their words.
     * The role is null unless its owner shows it to all members and it is not an
     * unchecked "professional".
     */
    async authorsByIds(
      ids: string[],
    ): Promise<Map<string, { displayName: string; role: MemberRole | null }>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({
          id: users.id,
          displayName: users.displayName,
          role: users.role,
          roleVisibility: users.roleVisibility,
          professionalVerifiedAt: users.professionalVerifiedAt,
        })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(
        rows.map((r) => [
          r.id,
          {
            displayName: shownName(r.displayName),
            role: roleShownBesidePosts(r.role, r.roleVisibility, r.professionalVerifiedAt)
              ? r.role
              : null,
          },
        ]),
      );
    },

    /** The identity fields of a profile: name, role, who sees the role, and may it be shown. */
    async identity(userId: string): Promise<{
      displayName: string;
      role: MemberRole;
      roleVisibility: Visibility;
      roleShown: boolean;
    } | null> {
      const [row] = await db
        .select({
          displayName: users.displayName,
          role: users.role,
          roleVisibility: users.roleVisibility,
          professionalVerifiedAt: users.professionalVerifiedAt,
        })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      if (!row) return null;
      return {
        displayName: shownName(row.displayName),
        role: row.role,
        roleVisibility: row.roleVisibility,
        roleShown: roleIsShown(row.role, row.professionalVerifiedAt),
      };
    },

    /** Changes the identity fields that live with the account; staff-like names are for staff. */
    async updateIdentity(
      actor: Actor,
      change: {
        displayName?: string;
        role?: MemberRole;
        roleVisibility?: Visibility;
        country?: string | null;
      },
    ): Promise<void> {
      if (Object.keys(change).length === 0) return;
      if (change.displayName !== undefined && !mayUseName(actor.siteRole, change.displayName)) {
        throw staffLikeName();
      }
      await db
        .update(users)
        .set({ ...change, updatedAt: now() })
        .where(eq(users.id, actor.userId));
    },

    currentConsent,

    async giveConsent(userId: string, kind: ConsentKind, version: string): Promise<void> {
      await db.insert(consents).values({ userId, kind, version, givenAt: now() });
    },

    async withdrawConsent(userId: string, kind: ConsentKind): Promise<void> {
      await db
        .update(consents)
        .set({ withdrawnAt: now() })
        .where(
          and(eq(consents.userId, userId), eq(consents.kind, kind), isNull(consents.withdrawnAt)),
        );
    },

    /** Removes spent and expired links and sessions (retention, SAFETY.md). */
    async sweepExpired(): Promise<void> {
      await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now()));
      await db.delete(sessions).where(lt(sessions.expiresAt, now()));
    },
  };
}
