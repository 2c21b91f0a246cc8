// Site settings as data: typed by their zod schemas (contract/settings.ts), kept in
// site_settings, read through a short cache that this process empties when it writes.
import {
  type Setting,
  type SettingKey,
  type SettingsResponse,
  type SettingValue,
  type SiteSettings,
  settingKeys,
  settingSchemas,
} from '../../../contract/settings';
import type { Db } from '../../db';
import { type Actor, isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { fieldMessage } from '../../lib/problem-handler';
import type { RateLimits } from '../../lib/rate-limit';
import { siteSettings } from './tables';

/** Other processes see a change within this long. */
export const SETTINGS_CACHE_MS = 30_000;

/** What settings asks the accounts module: the names of the admins who changed them. */
export interface SettingsPeople {
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
}

export interface SettingsDeps {
  db: Db;
  accounts: SettingsPeople;
  limits: RateLimits;
  now?: (() => Date) | undefined;
}

type Row = typeof siteSettings.$inferSelect;

export type SettingsService = ReturnType<typeof createSettingsService>;

/** A stored value that its schema no longer accepts counts as unset (its default holds). */
function parsed<K extends SettingKey>(key: K, row: Row | undefined) {
  const schema = settingSchemas[key];
  if (row) {
    const stored = schema.safeParse(row.value);
    if (stored.success) return { value: stored.data as SettingValue<K>, row };
  }
  return { value: schema.parse(undefined) as SettingValue<K>, row: undefined };
}

export function createSettingsService({
  db,
  accounts,
  limits,
  now = () => new Date(),
}: SettingsDeps) {
  let cached: { until: number; rows: Map<string, Row> } | null = null;

  async function storedRows(): Promise<Map<string, Row>> {
    const at = now().getTime();
    if (cached && cached.until > at) return cached.rows;
    const rows = await db.select().from(siteSettings);
    cached = { until: at + SETTINGS_CACHE_MS, rows: new Map(rows.map((r) => [r.key, r])) };
    return cached.rows;
  }

  async function present(keys: SettingKey[], rows: Map<string, Row>): Promise<Setting[]> {
    const shown = keys.map((key) => ({ key, ...parsed(key, rows.get(key)) }));
    const byIds = shown.flatMap((s) => (s.row?.updatedBy ? [s.row.updatedBy] : []));
    const people = await accounts.authorsByIds(byIds);
    return shown.map(({ key, value, row }) => {
      const by = row?.updatedBy ? people.get(row.updatedBy) : undefined;
      return {
        key,
        value,
        isDefault: row === undefined,
        updatedBy: row?.updatedBy && by ? { id: row.updatedBy, displayName: by.displayName } : null,
        updatedAt: row ? row.updatedAt.toISOString() : null,
      };
    });
  }

  return {
    /** One setting's value (its default until an admin sets it). */
    async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
      return parsed(key, (await storedRows()).get(key)).value;
    },

    /** Every setting's value. */
    async all(): Promise<SiteSettings> {
      const rows = await storedRows();
      return Object.fromEntries(
        settingKeys.map((key) => [key, parsed(key, rows.get(key)).value]),
      ) as SiteSettings;
    },

    /** The admin's view: every setting, its value, and who changed it when. */
    async list(actor: Actor): Promise<SettingsResponse> {
      if (!isAdmin(actor)) throw problems.forbidden();
      const rows = await db.select().from(siteSettings);
      return { settings: await present(settingKeys, new Map(rows.map((r) => [r.key, r]))) };
    },

    /** An admin sets one setting; the value must pass that setting's schema. */
    async update(actor: Actor, key: SettingKey, value: unknown): Promise<Setting> {
      // A schema's default fills in a missing value: here a missing value is an error.
      if (value === undefined) throw problems.invalid({ value: t('fields.generic.required') });
      const checked = settingSchemas[key].safeParse(value);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw problems.invalid({
          value: fieldMessage({
            keyword: issue?.code ?? 'custom',
            instancePath: '',
            params: { ...issue, input: value },
          }),
        });
      }
      if (!isAdmin(actor)) throw problems.forbidden();
      await limits.consume('settingsWritePerUser', actor.userId);
      const [row] = await db
        .insert(siteSettings)
        .values({ key, value: checked.data, updatedBy: actor.userId, updatedAt: now() })
        .onConflictDoUpdate({
          target: siteSettings.key,
          set: { value: checked.data, updatedBy: actor.userId, updatedAt: now() },
        })
        .returning();
      cached = null;
      const [setting] = await present([key], new Map(row ? [[key, row]] : []));
      if (!setting) throw problems.internal();
      return setting;
    },
  };
}
