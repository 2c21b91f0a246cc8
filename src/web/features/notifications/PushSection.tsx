import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  kindRules,
  type NotificationSettings,
  notificationKinds,
} from '../../../contract/notifications';
import { ApiProblem } from '../../api/transport';
import { SendProblem } from '../../ui/fields';
import { RichText } from '../../ui/RichText';
import { type DevicePush, devicePush, pushSupported, turnOffPush, turnOnPush } from './push';
import { notificationsKeys } from './queries';
import { Saved } from './SavedLine';
import type { SaveStatus, Update } from './useSettingsSaver';

/** Kinds that come by push once a device has it, if the person has chosen none yet. */
const pushStarters = notificationKinds.filter((kind) => kindRules[kind].email);

export function PushSection({
  userId,
  settings,
  update,
  status,
}: {
  userId: string;
  settings: NotificationSettings;
  update: Update;
  status: SaveStatus | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [device, setDevice] = useState<DevicePush | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);

  // Only looks: asking for permission waits for the person's press of the button.
  useEffect(() => {
    let live = true;
    void devicePush().then((state) => live && setDevice(state));
    return () => {
      live = false;
    };
  }, []);

  if (!pushSupported()) {
    return (
      <PushFrame>
        <p>{t('notifications.settings.pushUnsupported')}</p>
      </PushFrame>
    );
  }

  async function press() {
    if (busy || device === null) return;
    setBusy(true);
    setMessage(null);
    setProblem(null);
    try {
      if (device === 'on') {
        await turnOffPush();
        setDevice('off');
        setMessage(t('notifications.settings.pushTurnedOff'));
      } else {
        const result = await turnOnPush();
        setDevice(await devicePush());
        if (result === 'refused') {
          setMessage(t('notifications.settings.pushRefused'));
        } else {
          // Push on a device with no kind chosen for it would bring nothing: start with the few
          // that come by email unless changed, and say so.
          const none = notificationKinds.every((kind) => !settings.kinds[kind].push);
          if (none) {
            await update('push', {
              kinds: Object.fromEntries(pushStarters.map((kind) => [kind, { push: true }])),
            });
          }
          // Otherwise the line above the button already says push is on.
          setMessage(none ? t('notifications.settings.pushTurnedOn') : null);
        }
      }
      void client.invalidateQueries({ queryKey: notificationsKeys.settings(userId) });
    } catch (error) {
      setProblem({
        text: error instanceof ApiProblem ? error.title : t('problems.internal'),
        at: Date.now(),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <PushFrame>
      {device === 'blocked' ? (
        <p>{t('notifications.settings.pushBlocked')}</p>
      ) : (
        <>
          <p>
            <RichText
              text={
                device === 'on'
                  ? t('notifications.settings.pushIsOn')
                  : t('notifications.settings.pushIsOff')
              }
            />
          </p>
          {/* One button that changes its words, so focus stays on it after the tap. */}
          <button
            type="button"
            className="button"
            // aria-disabled, not disabled: a disabled button would drop the keyboard's focus.
            aria-disabled={busy || device === null}
            onClick={() => void press()}
          >
            {device === 'on'
              ? t('notifications.settings.pushOff')
              : t('notifications.settings.pushOn')}
          </button>
          <p className="save-status" role="status">
            {busy ? t('notifications.settings.pushWait') : message}
          </p>
          <Saved section="push" status={status} />
          {problem && <SendProblem attempt={problem.at}>{problem.text}</SendProblem>}
        </>
      )}
    </PushFrame>
  );
}

function PushFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="section settings-section" aria-labelledby="push-title">
      <h2 id="push-title">{t('notifications.settings.pushTitle')}</h2>
      <p>{t('notifications.settings.pushIntro')}</p>
      {children}
    </section>
  );
}
