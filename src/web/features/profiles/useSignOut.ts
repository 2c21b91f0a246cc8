import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signOut as endSession } from '../../api/accounts';
import { ApiProblem } from '../../api/transport';
import { meKey } from '../../session';
import { profileKey } from './profileFields';
import { useProfileAutosave } from './useProfileAutosave';

/** Signs out here or everywhere, after sending any profile words still waiting on this device. */
export function useSignOut(userId: string) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useProfileAutosave(userId, undefined);
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  async function signOut(everywhere: boolean) {
    setProblem(null);
    // Words that still cannot be saved stay on this device for the next sign-in.
    await form.saveAll();
    try {
      await endSession(everywhere);
    } catch (error) {
      setProblem({
        text: error instanceof ApiProblem ? error.title : String(error),
        at: Date.now(),
      });
      return;
    }
    client.setQueryData(meKey, { user: null });
    client.removeQueries({ queryKey: profileKey });
    navigate('/sign-in');
  }
  return { signOut, problem };
}
