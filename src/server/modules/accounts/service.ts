import { hash, verify } from '@node-rs/argon2';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  CONDUCT_VERSION,
  type MemberRole,
  type PasswordSignInBody,
  type SessionUser,
  type SignUpBody,
} from '../../../contract/accounts';
import {
  completePreferences,
  type Preferences,
  type PreferencesUpdate,
} from '../../../contract/preferences';
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { type Mailer, renderMail } from '../../lib/mail/mailer';
import type { RateLimits } from '../../lib/rate-limit';
import { hashToken, newToken } from '../../lib/tokens';
import { type ConsentKind, consents, emailTokens, sessions, users } from './tables';

export const EMAIL_LINK_TTL_MS = 15 * 60 * 1000;
export const SESSION_IDLE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
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
    await db.insert(emailTokens).values({
      userId,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now().getTime() + EMAIL_LINK_TTL_MS),
    });
    const url = `${config.publicUrl}/sign-in/link#token=${token}`;
    const key = welcome ? 'mail.welcome' : 'mail.signIn';
    const body = renderMail({
      greeting: t('mail.greeting', { name: displayName }),
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
    const { passwordHash, preferences, ...rest } = row;
    return {
      ...rest,
      hasPassword: passwordHash !== null,
      preferences: completePreferences(preferences),
      conductVersion: conductVersion ?? '',
      conductCurrent: conductVersion === CONDUCT_VERSION,
    };
  }

  async function createSession(userId: string, meta: RequestMeta): Promise<NewSession> {
    const token = newToken();
    const expiresAt = new Date(now().getTime() + SESSION_IDLE_TTL_MS);
    await db.insert(sessions).values({
      userId,
      tokenHash: tokenHash(token),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    await db.update(users).set({ lastSeenAt: now() }).where(eq(users.id, userId));
    return { token, expiresAt, user: await sessionUser(userId) };
  }

  return {
    sessionUser,
    createSession,

    /** Starts an account and mails a link. The answer never tells whether the email was known. */
    async signUp(input: SignUpBody, meta: RequestMeta): Promise<void> {
      await limits.consume('signUpPerIp', meta.ip);
      await limits.consume('signUpPerEmail', input.email);
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
      return createSession(spent.userId, meta);
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

    async setPassword(actor: Actor, password: string): Promise<void> {
      const passwordHash = await hash(password);
      await db
        .update(users)
        .set({ passwordHash, updatedAt: now() })
        .where(eq(users.id, actor.userId));
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
          lastUsedAt: sessions.lastUsedAt,
          siteRole: users.siteRole,
          trustLevel: users.trustLevel,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, current)))
        .limit(1);
      if (!row) return null;
      const actor: Actor = {
        userId: row.userId,
        sessionId: row.sessionId,
        siteRole: row.siteRole,
        trustLevel: row.trustLevel,
      };
      if (current.getTime() - row.lastUsedAt.getTime() < SESSION_REFRESH_AFTER_MS) return { actor };
      const refreshedUntil = new Date(current.getTime() + SESSION_IDLE_TTL_MS);
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

    async signOutEverywhere(actor: Actor): Promise<void> {
      await db.delete(sessions).where(eq(sessions.userId, actor.userId));
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

    /** Names and roles of the people who wrote things, for showing beside their words. */
    async authorsByIds(
      ids: string[],
    ): Promise<Map<string, { displayName: string; role: MemberRole }>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, displayName: users.displayName, role: users.role })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, { displayName: r.displayName, role: r.role }]));
    },

    /** Changes the identity fields that live with the account. */
    async updateIdentity(
      userId: string,
      change: { displayName?: string; role?: MemberRole; country?: string | null },
    ): Promise<void> {
      if (Object.keys(change).length === 0) return;
      await db
        .update(users)
        .set({ ...change, updatedAt: now() })
        .where(eq(users.id, userId));
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
