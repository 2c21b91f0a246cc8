// What every groups route shares: its tag, the :id parameter and the answers it may give.
import { z } from 'zod';
import { problemResponses } from '../../lib/api';

export const tags = ['groups'];
export const params = z.object({ id: z.uuid() });
export const ok = { ok: true as const };
export const responses = <T extends z.ZodType>(schema: T) => ({
  200: schema,
  ...problemResponses,
  404: problemResponses[400].describe('No such group or organisation'),
  409: problemResponses[400].describe('Already done, or the group is full'),
  410: problemResponses[400].describe('The invite link has expired'),
});
