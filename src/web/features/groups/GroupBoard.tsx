import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import { createBoardTopic, getBoard } from '../../api/groups';
import { Notice, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { RichText } from '../../ui/RichText';
import { useFormProblem } from '../../ui/useFormProblem';
import { groupsKeys } from './queries';

/** The group's board: forum topics that belong to the group, seen only by those it lets in. */
export function GroupBoard({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = groupsKeys.board(group.id);
  const board = useQuery({
    queryKey: key,
    queryFn: () => getBoard(group.id),
  });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const problem = useFormProblem();
  const [sent, setSent] = useState<{ held: boolean; review: boolean } | null>(null);
  const post = useMutation({
    mutationFn: () => createBoardTopic(group.id, { title, body, idempotencyKey }),
    onMutate: () => {
      problem.clear();
      setSent(null);
    },
    onSuccess: async (created) => {
      setSent({ held: created.held, review: created.review });
      setTitle('');
      setBody('');
      setKey(crypto.randomUUID());
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => problem.capture(e),
  });
  return (
    <section aria-labelledby="board-title" className="section">
      <h2 id="board-title">{t('groups.page.board')}</h2>
      <p>{t('groups.page.boardIntro')}</p>
      {board.data?.topics.length === 0 && <p>{t('groups.page.boardEmpty')}</p>}
      <ul className="group-news">
        {board.data?.topics.map((topic) => (
          <li key={topic.id}>
            <Link to={`/forum/t/${topic.id}`} className="group-inline-link">
              {topic.title}
            </Link>
            <p className="field-help">{topic.author.displayName}</p>
          </li>
        ))}
      </ul>
      {group.me.status === 'active' && (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            post.mutate();
          }}
        >
          <ProblemSummary problem={problem.problem} />
          {sent && (
            <Notice kind="ok">
              <RichText
                text={
                  sent.review
                    ? t('forum.care.reviewTopic')
                    : sent.held
                      ? t('forum.care.heldTopic')
                      : t('groups.page.boardPosted')
                }
              />
            </Notice>
          )}
          <TextInput
            name="board-title"
            label={t('groups.page.boardNewTitle')}
            value={title}
            onChange={setTitle}
            error={problem.fieldError('title')}
            required
          />
          <TextInput
            name="board-body"
            multiline
            label={t('groups.page.boardNewBody')}
            value={body}
            onChange={setBody}
            error={problem.fieldError('body')}
            required
          />
          <SubmitButton busy={post.isPending}>{t('groups.page.boardPost')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
