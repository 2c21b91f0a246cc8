import type { HomeQuery, HomeResponse } from '../../contract/home';
import { call, route } from './route';

/** The signed-in person's own home page. */
export const homeRoutes = {
  home: route<HomeResponse, never, HomeQuery>()('GET', '/home'),
} as const;

export const getHome = (timeZone: string | null) =>
  call(homeRoutes.home, { query: { timeZone: timeZone || undefined } });
