import { useTranslation } from 'react-i18next';
import './events.css';
import type { AccessFeature, GroupFormat } from '../../../contract/groups-values';
import { Icon } from '../../ui/Icon';

/** Line pictures for what a place has; each always sits beside its word. */
const accessPaths: Record<AccessFeature, string> = {
  step_free: 'M3 20h18M3 20l14-10h4M8 7a2 2 0 100-4 2 2 0 000 4z',
  accessible_toilet: 'M4 4h16v16H4zM9 8v8m-2-5h4m3-3l2 8 2-8',
  parking: 'M4 4h16v16H4zM9 17V7h4a3 3 0 010 6H9',
  hearing_loop: 'M7 10a5 5 0 0110 0c0 3-3 4-3 7a3 3 0 01-6 0M10 10a2 2 0 014 0',
  public_transport: 'M6 3h12v14H6zM6 11h12M8 21l1-4m7 4l-1-4M9 14h.01M15 14h.01',
  quiet_room: 'M20 14A8 8 0 1110 4a6 6 0 0010 10z',
};

function Picture({ d }: { d: string }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

export function AccessPicture({ feature }: { feature: AccessFeature }) {
  return <Picture d={accessPaths[feature]} />;
}

/** What a place has, each with a picture and its words. */
export function AccessList({ access }: { access: readonly AccessFeature[] }) {
  const { t } = useTranslation();
  if (access.length === 0) return null;
  return (
    <ul className="event-access">
      {access.map((a) => (
        <li key={a}>
          <AccessPicture feature={a} />
          <span>{t(`groups.access.${a}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** In person, online or both: pictures and words. */
export function FormatLine({ format }: { format: GroupFormat }) {
  const { t } = useTranslation();
  return (
    <p className="event-format">
      {format !== 'online' && <Icon name="pin" />}
      {format !== 'in_person' && <Icon name="video" />}
      <strong>{t(`gatherings.formats.${format}`)}</strong>
    </p>
  );
}
