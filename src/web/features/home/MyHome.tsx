import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../../contract/accounts';
import type { HomeResponse } from '../../../contract/home';
import { getHome } from '../../api/home';
import { Notice } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { NotificationsLink } from '../notifications/NewNotifications';
import { homeKeys } from './queries';

/** The browser's time zone, so meetings are told in the person's own time. */
function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function useHome() {
  const zone = browserTimeZone();
  return useQuery({
    queryKey: homeKeys.home(zone),
    queryFn: () => getHome(zone),
  });
}

/** A signed-in person's own page: what is next for them, and what waits for them. */
export function MyHome({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const home = useHome();
  return (
    <Page title={t('home.hello', { name: user.displayName })}>
      <Instructions lines={[t('home.mine.intro')]} />
      <NotificationsLink />
      {home.isPending && <p role="status">{t('app.loading')}</p>}
      {home.isError && <Notice kind="problem">{home.error.message}</Notice>}
      {home.data && <HomeBlocks home={home.data} />}
      <MoreForYou />
    </Page>
  );
}

function HomeBlocks({ home }: { home: HomeResponse }) {
  return (
    <div className="home-blocks">
      {home.carers && <CarersSpaces carers={home.carers} />}
      {home.isNew && <FirstSteps home={home} />}
      {home.joinRequests && <JoinRequests requests={home.joinRequests} />}
      <Meetings meetings={home.meetings} />
      <Replies replies={home.replies} />
    </div>
  );
}

function CarersSpaces({ carers }: { carers: NonNullable<HomeResponse['carers']> }) {
  const { t } = useTranslation();
  return (
    <section className="home-block" aria-labelledby="home-carers">
      <h2 id="home-carers">{t('home.carers.title')}</h2>
      <p>{t('home.carers.text')}</p>
      <ul className="home-list">
        {carers.category && (
          <li>
            <Link to={`/forum/c/${carers.category.slug}`} className="home-link">
              <Icon name="forum" />
              <span>{carers.category.name}</span>
            </Link>
          </li>
        )}
        {carers.groups.map((group) => (
          <li key={group.id}>
            <Link to={`/groups/${group.id}`} className="home-link">
              <Icon name="groups" />
              <span dir="auto">{group.name}</span>
            </Link>
            <span className="home-note">{t(`home.format.${group.format}`)}</span>
          </li>
        ))}
      </ul>
      {carers.groups.length === 0 && <p>{t('home.carers.noGroups')}</p>}
      <Link to="/groups/fits-me" className="button">
        <Icon name="search" />
        <span>{t('home.carers.findGroup')}</span>
      </Link>
    </section>
  );
}

function FirstSteps({ home }: { home: HomeResponse }) {
  const { t } = useTranslation();
  return (
    <section className="home-block" aria-labelledby="home-first-steps">
      <h2 id="home-first-steps">{t('home.firstSteps.title')}</h2>
      <p>{t('home.firstSteps.text')}</p>
      <ol className="home-steps">
        <li>
          <Link to="/groups/fits-me" className="home-link">
            <Icon name="groups" />
            <span>{t('home.firstSteps.findGroup')}</span>
          </Link>
        </li>
        {home.introductions && (
          <li>
            <Link to={`/forum/c/${home.introductions.slug}`} className="home-link">
              <Icon name="forum" />
              <span>{t('home.firstSteps.sayHello', { place: home.introductions.name })}</span>
            </Link>
          </li>
        )}
        <li>
          <Link to="/forum/tips" className="home-link">
            <Icon name="tip" />
            <span>{t('home.firstSteps.readTips')}</span>
          </Link>
        </li>
      </ol>
    </section>
  );
}

function JoinRequests({ requests }: { requests: NonNullable<HomeResponse['joinRequests']> }) {
  const { t } = useTranslation();
  const waiting = requests.filter((r) => r.waiting > 0);
  return (
    <section className="home-block" aria-labelledby="home-requests">
      <h2 id="home-requests">{t('home.requests.title')}</h2>
      {waiting.length === 0 ? (
        <p>{t('home.requests.none')}</p>
      ) : (
        <ul className="home-list">
          {waiting.map((r) => (
            <li key={r.groupId}>
              <Link to={`/groups/${r.groupId}`} className="home-link">
                <Icon name="groups" />
                <span dir="auto">{r.groupName}</span>
              </Link>
              <span className="home-note">
                <strong>{t('home.requests.waiting', { count: r.waiting })}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Meetings({ meetings }: { meetings: HomeResponse['meetings'] }) {
  const { t } = useTranslation();
  return (
    <section className="home-block" aria-labelledby="home-meetings">
      <h2 id="home-meetings">{t('home.meetings.title')}</h2>
      {meetings.length === 0 ? (
        <>
          <p>{t('home.meetings.none')}</p>
          <Link to="/groups/fits-me" className="button">
            <Icon name="search" />
            <span>{t('home.firstSteps.findGroup')}</span>
          </Link>
        </>
      ) : (
        <ul className="home-list">
          {meetings.map((m) => (
            <li key={m.groupId}>
              <Link to={`/groups/${m.groupId}`} className="home-link">
                <Icon name="events" />
                <span dir="auto">{m.groupName}</span>
              </Link>
              <span className="home-note">
                <time dateTime={m.startsAt}>
                  {t('home.meetings.when', { when: m.text, zone: m.zone })}
                </time>
                {` ${t(`home.format.${m.format}`)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Replies({ replies }: { replies: HomeResponse['replies'] }) {
  const { t } = useTranslation();
  return (
    <section className="home-block" aria-labelledby="home-replies">
      <h2 id="home-replies">{t('home.replies.title')}</h2>
      {replies.length === 0 ? (
        <>
          <p>{t('home.replies.none')}</p>
          <Link to="/forum" className="button">
            <Icon name="forum" />
            <span>{t('home.replies.toForum')}</span>
          </Link>
        </>
      ) : (
        <ul className="home-list">
          {replies.map((r) => (
            <li key={r.topicId}>
              <Link to={`/forum/t/${r.topicId}`} className="home-link">
                <Icon name="forum" />
                <span dir="auto">{r.title}</span>
              </Link>
              <span className="home-note">
                {t('home.replies.count', { count: r.newReplies })}{' '}
                {r.where && <span dir="auto">{t('home.replies.where', { place: r.where })}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MoreForYou() {
  const { t } = useTranslation();
  return (
    <section className="home-block" aria-labelledby="home-more">
      <h2 id="home-more">{t('home.more')}</h2>
      <div className="actions">
        <Link to="/me" className="button">
          <Icon name="me" />
          <span>{t('home.profileCard')}</span>
        </Link>
        <Link to="/settings" className="button">
          <Icon name="settings" />
          <span>{t('home.settingsCard')}</span>
        </Link>
      </div>
    </section>
  );
}
