import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { NewTopicBody } from '../../../contract/forum';
import { createTopic } from '../../api/forum';
import { useMe } from '../../session';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { Composer } from './Composer';
import { moveDraft } from './drafts';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import type { NewTopicState } from './NewTopicCare';
import { forumKeys, useCategories } from './queries';

/** /forum/new: step 1 picks the part of the forum, step 2 is the composer. */
export function NewTopicPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const categories = useCategories();
  const slug = params.get('category');
  const category = categories.data?.categories.find((c) => c.slug === slug) ?? null;
  const userId = me.data?.user?.id ?? '';
  // "Choose another part" carries the words: ?from= names the part they were written in.
  const from = params.get('from');
  const fromCategory = categories.data?.categories.find((c) => c.id === from) ?? null;
  const moving = Boolean(category && fromCategory && userId);
  const moveStarted = useRef<string | null>(null);

  useEffect(() => {
    if (!category || !fromCategory || !userId) return;
    const move = `${fromCategory.id} ${category.id}`;
    if (moveStarted.current === move) return;
    moveStarted.current = move;
    void moveDraft(userId, `topic-${fromCategory.id}`, `topic-${category.id}`).finally(() => {
      // Done: a reload must not move anything again.
      setParams(
        (next) => {
          next.delete('from');
          return next;
        },
        { replace: true },
      );
    });
  }, [category, fromCategory, userId, setParams]);

  if (categories.isError) {
    return (
      <Page title={t('forum.pages.newTitle')}>
        <LoadProblem error={categories.error} retry={() => void categories.refetch()} />
      </Page>
    );
  }
  if (!categories.data) return <p role="status">{t('app.loading')}</p>;

  if (!category) {
    return (
      <Page title={t('forum.pages.newTitle')}>
        <p className="step">{t('forum.pages.newStep1')}</p>
        <Instructions
          lines={[
            t('forum.pages.newChoose'),
            ...(fromCategory ? [t('forum.pages.newWordsGoWith')] : []),
          ]}
        />
        <ul className="cards category-choice">
          {categories.data.categories.map((c) => (
            <li key={c.id} className="card">
              <Link
                to={`/forum/new?category=${c.slug}${fromCategory ? `&from=${fromCategory.id}` : ''}`}
                className="button choice-link"
              >
                <span dir="auto">{c.name}</span>
              </Link>
              <p dir="auto">{c.description}</p>
            </li>
          ))}
        </ul>
        <ForumLinks />
      </Page>
    );
  }

  return (
    <Page title={t('forum.pages.newTitle')}>
      <p className="step">{t('forum.pages.newStep2')}</p>
      <p>{t('forum.pages.newIn', { name: category.name })}</p>
      <div className="actions">
        <Link to={`/forum/new?from=${category.id}`} className="button button-quiet">
          {t('forum.pages.newChange')}
        </Link>
      </div>
      <Instructions lines={[t('forum.pages.newHelp')]} />
      {moving ? (
        <p role="status">{t('forum.pages.newMoving')}</p>
      ) : (
        <Composer
          key={category.id}
          kind="topic"
          heading={t('forum.composer.topicHeading')}
          draftKey={`topic-${category.id}`}
          ownerId={userId}
          send={async (post) => {
            const body: NewTopicBody = {
              categoryId: category.id,
              title: post.title,
              body: post.body,
              idempotencyKey: post.idempotencyKey,
            };
            const created = await createTopic(body);
            void client.invalidateQueries({ queryKey: forumKeys.categories });
            void client.invalidateQueries({ queryKey: forumKeys.category(category.slug) });
            const state: NewTopicState = {
              sentCare: {
                topicId: created.topicId,
                held: created.held,
                review: created.review,
                care: created.care,
              },
            };
            navigate(`/forum/t/${created.topicId}`, { state });
            return undefined;
          }}
        />
      )}
    </Page>
  );
}
