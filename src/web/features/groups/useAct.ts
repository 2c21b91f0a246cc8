import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormProblem } from '../../ui/useFormProblem';
import { groupsKeys } from './queries';

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: groupsKeys.all }).then(() => undefined);
}

/** Runs one action, then says in words what happened, or shows the server's problem. */
export function useAct() {
  const refresh = useRefresh();
  const problem = useFormProblem();
  const [notice, setNotice] = useState<string | null>(null);
  /** The work may return its own words (from the server) to say instead of `done`. */
  const act = async (work: () => Promise<unknown>, done: string) => {
    problem.clear();
    setNotice(null);
    try {
      const said = await work();
      setNotice(typeof said === 'string' ? said : done);
      await refresh();
      return true;
    } catch (e) {
      problem.capture(e);
      return false;
    }
  };
  return { act, notice, problem };
}
