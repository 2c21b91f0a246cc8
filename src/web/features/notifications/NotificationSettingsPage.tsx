import './notifications.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type EmailMode,
  emailModes,
  type NotificationChannel,
  type NotificationKind,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  notificationChannels,
  notificationKinds,
  staffOnlyKinds,
} from '../../../contract/notifications';
import {
  endNotificationPause,
  pauseNotifications,
  updateNotificationSettings,
} from '../../api/notifications';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { Choice, Notice, Tick } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { RichText } from '../../ui/RichText';
import { SignInFirst } from '../../ui/SignInFirst';
import { PushSection } from './PushSection';
import { QuietHours } from './QuietHours';
import { useNotificationSettings } from './queries';
import { Saved } from './SavedLine';
import { type SaveStatus, type Update, useSettingsSaver } from './useSettingsSaver';

/** /settings/notifications: what reaches me, by which way, and when. Each change saves at once. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('notifications.settings.title')} why={t('notifications.settings.signIn')}>
      {(userId) => <MySettings userId={userId} />}
    </SignInFirst>
  );
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const PAUSE_DAYS = 7;

function MySettings({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const settings = useNotificationSettings(userId);
  const saver = useSettingsSaver(userId);
  if (settings.isPending) return <p role="status">{t('app.loading')}</p>;
  if (settings.isError) {
    return (
      <Page title={t('notifications.settings.title')}>
        <Notice kind="problem">
          {settings.error instanceof ApiProblem ? settings.error.title : t('problems.internal')}
        </Notice>
      </Page>
    );
  }
  return <SettingsForm userId={userId} settings={settings.data} saver={saver} />;
}

type Saver = ReturnType<typeof useSettingsSaver>;

function SettingsForm({
  userId,
  settings,
  saver,
}: {
  userId: string;
  settings: NotificationSettings;
  saver: Saver;
}) {
  const { t } = useTranslation();
  // The server starts everyone on UTC: until the person saves, their browser's zone is shown,
  // and it goes with the first change they save.
  const browserZone = browserTimeZone();
  const zoneUnsaved = settings.timeZone === 'UTC' && browserZone !== 'UTC';
  const zone = zoneUnsaved ? browserZone : settings.timeZone;
  const withZone = (change: NotificationSettingsUpdate): NotificationSettingsUpdate =>
    zoneUnsaved && change.timeZone === undefined ? { ...change, timeZone: zone } : change;
  const update: Update = (section, change, shown) =>
    saver.save(section, () => updateNotificationSettings(withZone(change)), shown);

  return (
    <Page title={t('notifications.settings.title')}>
      <Instructions lines={[t('notifications.settings.intro')]} />
      <div className="actions">
        <Link to="/notifications" className="button button-quiet">
          <Icon name="text" />
          <span>{t('notifications.page.homeLink')}</span>
        </Link>
      </div>
      <Kinds settings={settings} status={saver.status} update={update} />
      <EmailSection settings={settings} status={saver.status} update={update} />
      <QuietHours
        settings={settings}
        zone={zone}
        status={saver.status}
        update={update}
        fieldError={saver.fieldError}
      />
      <Pause settings={settings} zone={zone} saver={saver} />
      <section className="section settings-section" aria-labelledby="announce-title">
        <h2 id="announce-title">{t('notifications.settings.announceTitle')}</h2>
        <Tick
          name="announce"
          label={t('notifications.settings.announce')}
          checked={settings.announce}
          onChange={(announce) =>
            void update('announce', { announce }, (now) => ({ ...now, announce }))
          }
        />
        <Saved section="announce" status={saver.status} />
      </section>
      <PushSection userId={userId} settings={settings} update={update} status={saver.status} />
    </Page>
  );
}

function Kinds({
  settings,
  status,
  update,
}: {
  settings: NotificationSettings;
  status: SaveStatus | null;
  update: Update;
}) {
  const { t } = useTranslation();
  const role = useMe().data?.user?.siteRole;
  const staff = role === 'moderator' || role === 'admin';
  const kinds = notificationKinds.filter((kind) => staff || !staffOnlyKinds.includes(kind));
  const set = (kind: NotificationKind, channel: NotificationChannel, on: boolean) =>
    void update('kinds', { kinds: { [kind]: { [channel]: on } } }, (now) => ({
      ...now,
      kinds: { ...now.kinds, [kind]: { ...now.kinds[kind], [channel]: on } },
    }));
  return (
    <section className="section settings-section" aria-labelledby="kinds-title">
      <h2 id="kinds-title">{t('notifications.settings.kindsTitle')}</h2>
      <p>{t('notifications.settings.kindsHelp')}</p>
      <p className="field-help">
        <RichText text={t('notifications.settings.pushNeedsDevice')} />
      </p>
      <div className="kind-list">
        {kinds.map((kind) => (
          <fieldset key={kind} className="kind-choice">
            <legend>{t(`notifications.settings.kinds.${kind}`)}</legend>
            <div className="kind-channels">
              {notificationChannels.map((channel) => (
                <Tick
                  key={channel}
                  name={`${kind}-${channel}`}
                  label={t(`notifications.settings.channels.${channel}`)}
                  checked={settings.kinds[kind][channel]}
                  onChange={(on) => set(kind, channel, on)}
                />
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <Saved section="kinds" status={status} />
    </section>
  );
}

function EmailSection({
  settings,
  status,
  update,
}: {
  settings: NotificationSettings;
  status: SaveStatus | null;
  update: Update;
}) {
  const { t } = useTranslation();
  return (
    <section className="section settings-section" aria-labelledby="email-title">
      <h2 id="email-title">{t('notifications.settings.emailTitle')}</h2>
      <Choice<EmailMode>
        name="emailMode"
        label={t('notifications.settings.emailMode')}
        value={settings.emailMode}
        onChange={(emailMode) =>
          void update('email', { emailMode }, (now) => ({ ...now, emailMode }))
        }
        options={emailModes.map((mode) => ({
          value: mode,
          label: t(`notifications.settings.emailModes.${mode}`),
        }))}
      />
      <Saved section="email" status={status} />
    </section>
  );
}

function Pause({
  settings,
  zone,
  saver,
}: {
  settings: NotificationSettings;
  zone: string;
  saver: Saver;
}) {
  const { t } = useTranslation();
  const until = settings.pausedUntil ? new Date(settings.pausedUntil) : null;
  const paused = until !== null && until.getTime() > Date.now();
  const when =
    until &&
    new Intl.DateTimeFormat(navigator.language, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: zone,
    }).format(until);
  return (
    <section className="section settings-section" aria-labelledby="pause-title">
      <h2 id="pause-title">{t('notifications.settings.pauseTitle')}</h2>
      <p>
        {paused
          ? t('notifications.settings.pausedUntil', { when })
          : t('notifications.settings.pauseHelp')}
      </p>
      {/* One button that changes its words, so focus stays on it after the tap. */}
      <button
        type="button"
        className={paused ? 'button' : 'button button-primary'}
        onClick={() =>
          void saver.save('pause', () =>
            paused ? endNotificationPause() : pauseNotifications(PAUSE_DAYS),
          )
        }
      >
        {paused ? t('notifications.settings.endPause') : t('notifications.settings.pause')}
      </button>
      <Saved section="pause" status={saver.status} />
    </section>
  );
}
