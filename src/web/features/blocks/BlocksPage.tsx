import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Block } from '../../../contract/blocks';
import { stopBlock } from '../../api/blocks';
import { ApiProblem } from '../../api/transport';
import { Notice, SendProblem } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { SignInFirst } from '../../ui/SignInFirst';
import { longDate, strengthIcons } from './BlockControl';
import { blocksKeys, useBlockList } from './queries';
import './blocks.css';

/** /settings/blocks: the people I mute, ignore or block, each with Stop (which asks first). */
export function BlocksPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('blocks.page.title')} why={t('blocks.page.intro')}>
      {(userId) => <MyBlocks userId={userId} />}
    </SignInFirst>
  );
}

function MyBlocks({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const list = useBlockList(userId);
  const [said, setSaid] = useState<string | null>(null);
  const saidRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) saidRef.current?.focus();
  }, [said]);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title={t('blocks.page.title')}>
      <Instructions lines={[t('blocks.page.intro'), t('blocks.page.howTo')]} />
      {said && (
        <p ref={saidRef} className="notice" role="status" tabIndex={-1}>
          {said}
        </p>
      )}
      {list.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : list.isError ? (
        <>
          <Notice kind="problem">{t('blocks.page.notLoaded')}</Notice>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('blocks.page.tryAgain')}
          </button>
        </>
      ) : items.length === 0 ? (
        <p>{t('blocks.page.empty')}</p>
      ) : (
        <ul className="blocks-list" aria-label={t('blocks.page.listLabel')}>
          {items.map((block) => (
            <BlockItem key={block.person.id} userId={userId} block={block} onStopped={setSaid} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <p>
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t('app.loading') : t('blocks.page.more')}
          </button>
        </p>
      )}
      <p>
        <Link to="/settings" className="button button-quiet">
          {t('nav.settings')}
        </Link>
      </p>
    </Page>
  );
}

function BlockItem({
  userId,
  block,
  onStopped,
}: {
  userId: string;
  block: Block;
  onStopped(words: string): void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const stopButton = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const name = block.person.displayName;
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);

  const stop = useMutation({
    networkMode: 'always',
    mutationFn: () => stopBlock(block.person.id),
    onMutate: () => setProblem(null),
    onSuccess: () => {
      client.setQueryData(blocksKeys.about(userId, block.person.id), null);
      void client.invalidateQueries({ queryKey: blocksKeys.list(userId) });
      void client.invalidateQueries({ queryKey: ['forum'] });
      onStopped(t('blocks.page.stopped', { name }));
    },
    onError: (error) => {
      setProblem(error instanceof ApiProblem ? error.title : String(error));
      setAttempt((n) => n + 1);
    },
  });
  const keep = () => {
    setAsking(false);
    stopButton.current?.focus();
  };

  return (
    <li className="blocks-item">
      <p className="blocks-who">
        <Icon name={strengthIcons[block.strength]} />
        <span>
          <strong dir="auto">{name}</strong>
          {': '}
          <strong>{t(`blocks.list.${block.strength}`)}</strong>.{' '}
          {block.until
            ? t('blocks.page.until', { date: longDate(block.until) })
            : t('blocks.page.forGood')}
        </span>
      </p>
      {asking ? (
        <fieldset
          className="keep-away-choice"
          onKeyDown={(e) => {
            if (e.key === 'Escape') keep();
          }}
        >
          <legend className="keep-away-legend">
            <strong>{t('blocks.page.confirm', { name })}</strong>
          </legend>
          {stop.isPending && <p role="status">{t('blocks.control.stopping')}</p>}
          <div className="actions">
            <button
              ref={yes}
              type="button"
              className="button button-primary"
              disabled={stop.isPending}
              onClick={() => stop.mutate()}
            >
              <Icon name="stop" />
              <span>{t('blocks.page.confirmYes')}</span>
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={stop.isPending}
              onClick={keep}
            >
              {t('blocks.page.confirmNo')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <button
            ref={stopButton}
            type="button"
            className="button button-quiet"
            aria-label={`${t('blocks.control.stop')}: ${name}`}
            onClick={() => setAsking(true)}
          >
            <Icon name="stop" />
            <span>{t('blocks.control.stop')}</span>
          </button>
          <Link to={`/members/${block.person.id}`} className="button button-quiet">
            {t('blocks.page.theirPage')}
          </Link>
        </div>
      )}
      {problem && <SendProblem attempt={attempt}>{problem}</SendProblem>}
    </li>
  );
}
