import './moderation.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDetail, CasePost } from '../../../contract/moderation';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';
import { CaseDecision } from './CaseDecision';
import { PersonHistory } from './CaseHistory';
import { claimInWords, reportReasonsOf, When, waitedInWords, whyInWords } from './case-words';
import { useCase } from './queries';
import { LoadFailed, SignedIn } from './SignedIn';

/** /moderation/cases/:id: the words, their thread, the person's history, and what to do. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <SignedIn title={t('moderation.page.queue.title')}>
      {(userId) => <CaseView key={id} userId={userId} id={id} />}
    </SignedIn>
  );
}

function CaseView({ userId, id }: { userId: string; id: string }) {
  const { t } = useTranslation();
  const detail = useCase(userId, id);
  if (detail.isPending) return <p role="status">{t('app.loading')}</p>;
  if (!detail.data) {
    return (
      <Page title={t('moderation.page.case.notFound')}>
        <LoadFailed error={detail.error} staffWord={t('moderation.page.staffOnly')} />
        <BackToQueue />
      </Page>
    );
  }
  const d = detail.data;
  const why = whyInWords(t, d.case, reportReasonsOf(d));
  return (
    <Page title={t('moderation.page.case.title', { why })}>
      <BackToQueue />
      <CaseStatus detail={d} />
      <CaseContent detail={d} />
      {d.reports.length > 0 && <Reports detail={d} />}
      {d.appeal && <Appeal detail={d} />}
      {d.person && <PersonHistory person={d.person} />}
      <CaseDecision userId={userId} detail={d} onConflict={() => void detail.refetch()} />
    </Page>
  );
}

function BackToQueue() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/moderation" className="case-link">
        {t('moderation.page.case.back')}
      </Link>
    </p>
  );
}

function CaseStatus({ detail: { case: c } }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-status" className="section">
      <h2 id="case-status">{t('moderation.page.case.status')}</h2>
      <ul className="case-facts">
        <li>
          <strong>{t(`moderation.page.priority.${c.priority}`)}</strong>
        </li>
        <li>
          {t(`moderation.page.subject.${c.subject.kind}`)}
          {c.groupName && (
            <>
              {'. '}
              <span dir="auto">{t('moderation.page.subject.inGroup', { name: c.groupName })}</span>
            </>
          )}
        </li>
        <li>
          {t('moderation.page.case.opened')} <When iso={c.openedAt} />
        </li>
        {c.status !== 'closed' && <li>{waitedInWords(t, c)}</li>}
        {c.openings > 1 && <li>{t('moderation.page.openings', { count: c.openings })}</li>}
        {c.status !== 'closed' && <li dir="auto">{claimInWords(t, c)}</li>}
      </ul>
    </section>
  );
}

/** The post's words as plain text, for reading aloud. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

function PostWords({ post }: { post: CasePost }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <span dir="auto">
          {t('moderation.page.case.postBy', { name: post.author.displayName })}
        </span>{' '}
        <When iso={post.createdAt} />
      </p>
      {post.isSubject && <p className="case-flag">{t('moderation.page.case.thisPost')}</p>}
      {post.held && <p className="case-flag">{t('moderation.page.case.held')}</p>}
      {post.deleted && <p className="case-flag">{t('moderation.page.case.deleted')}</p>}
      {post.editedByModerator ? (
        <p className="case-flag">{t('moderation.page.case.changedByModerator')}</p>
      ) : (
        post.editedAt && <p>{t('moderation.page.case.edited')}</p>
      )}
      <div
        className="case-body"
        dir="auto"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is sanitised on the server with the same allow-list as any post.
        dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
      />
      <ReadAloud text={textOf(post.bodyHtml)} label={t('moderation.page.case.readPost')} />
    </>
  );
}

function CaseContent({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { content, thread } = detail;
  const others = thread?.posts ?? [];
  return (
    <section aria-labelledby="case-content" className="section">
      <h2 id="case-content">{t('moderation.page.case.contentTitle')}</h2>
      {content ? (
        <div className="case-post case-post-subject">
          <PostWords post={content} />
        </div>
      ) : detail.about ? (
        <div className="case-post case-post-subject">
          <p className="case-flag">{t('moderation.page.case.aboutTitle')}</p>
          {/* Plain text as written: shown as text, never as markup. */}
          <p dir="auto" className="case-about">
            {detail.about}
          </p>
        </div>
      ) : (
        <p>{t('moderation.page.case.noContent')}</p>
      )}
      {thread && others.length > 0 && (
        <>
          <h3 dir="auto">{t('moderation.page.case.threadTitle', { title: thread.title })}</h3>
          <ol className="case-thread">
            {others.map((post) =>
              // The post itself is shown above: here only where it sits.
              post.isSubject && content ? (
                <li key={`${post.kind}-${post.id}`} className="case-post case-post-subject">
                  <p className="case-flag">{t('moderation.page.case.thisPostHere')}</p>
                </li>
              ) : (
                <li key={`${post.kind}-${post.id}`} className="case-post">
                  <PostWords post={post} />
                </li>
              ),
            )}
          </ol>
        </>
      )}
    </section>
  );
}

function Reports({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-reports" className="section">
      <h2 id="case-reports">{t('moderation.page.case.reportsTitle')}</h2>
      <ul className="case-facts">
        {detail.reports.map((r) => (
          <li key={`${r.by.id}-${r.at}`}>
            <span dir="auto">
              {t('moderation.page.case.reportLine', {
                name: r.by.displayName,
                reason: t(`moderation.reportReasons.${r.reason}.label`),
              })}
            </span>{' '}
            <When iso={r.at} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Appeal({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const appeal = detail.appeal;
  if (!appeal) return null;
  return (
    <section aria-labelledby="case-appeal" className="section">
      <h2 id="case-appeal">{t('moderation.page.case.appealTitle')}</h2>
      <p>
        {t('moderation.page.case.appealWhat', {
          action: t(`moderation.page.actions.${appeal.action.action}`),
          reason: t(`moderation.reasons.${appeal.action.reason}`),
        })}
      </p>
      <p>{t('moderation.page.case.appealWords')}</p>
      <blockquote className="case-body" dir="auto">
        {appeal.words}
      </blockquote>
      <ReadAloud text={appeal.words} label={t('moderation.page.case.appealTitle')} />
    </section>
  );
}
