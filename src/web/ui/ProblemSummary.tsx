import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/transport';
import { Notice } from './fields';

/** The server's plain title, and a reminder that nothing typed was lost. */
export function ProblemSummary({ problem }: { problem: ApiProblem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <Notice kind="problem">
      <p>{problem.title}</p>
      <p>{t('form.keepTyped')}</p>
    </Notice>
  );
}
