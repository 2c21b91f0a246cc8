import type { z } from 'zod';
import type { HelpQuery, HelpResponse } from '../../contract/help';
import { call, route } from './route';

/** Crisis lines and where to get help now. */
export const helpRoutes = {
  help: route<HelpResponse, never, z.input<typeof HelpQuery>>()('GET', '/help'),
} as const;

export const getHelp = (country: string | null) =>
  call(helpRoutes.help, { query: { country: country || undefined } });
