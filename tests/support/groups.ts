import { expect } from 'vitest';
import type { GroupInput } from '../../src/contract/groups';
import { type Member, ORIGIN, type TestApp } from './app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API as a member, or as nobody; writes carry our own origin, as our pages send it. */
export function callAs(
  t: TestApp,
  who: Member | null | undefined,
  method: Method,
  url: string,
  payload?: unknown,
  extraHeaders: Record<string, string> = {},
) {
  const headers: Record<string, string> = { ...extraHeaders };
  if (who) headers.cookie = who.cookie;
  if (method !== 'GET') headers.origin = ORIGIN;
  return t.app.inject({
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** A site admin makes a charity run by these organisation admins; answers its id. */
export async function makeOrganisation(
  t: TestApp,
  siteAdmin: Member,
  name: string,
  admins: Member[],
): Promise<string> {
  const org = await callAs(t, siteAdmin, 'POST', '/api/organisations', {
    name,
    kind: 'charity',
    adminUserIds: admins.map((a) => a.user.id),
  });
  expect(org.statusCode, org.body).toBe(200);
  return org.json().id as string;
}

/** An organisation admin makes a group in their organisation; answers its id. */
export async function makeGroupIn(
  t: TestApp,
  orgAdmin: Member,
  orgId: string,
  input: GroupInput,
): Promise<string> {
  const res = await callAs(t, orgAdmin, 'POST', `/api/organisations/${orgId}/groups`, input);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

/** The organisation invites someone to facilitate a group, and they say yes. */
export async function makeFacilitator(t: TestApp, orgAdmin: Member, groupId: string, who: Member) {
  const invited = await callAs(t, orgAdmin, 'POST', `/api/groups/${groupId}/invitations`, {
    userId: who.user.id,
    role: 'facilitator',
  });
  expect(invited.statusCode, invited.body).toBe(200);
  const accepted = await callAs(t, who, 'POST', `/api/groups/${groupId}/invitation/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);
}

/** Someone asks to join a group that asks first, and one who runs it says yes. */
export async function askAndApprove(t: TestApp, who: Member, groupId: string, approver: Member) {
  expect((await callAs(t, who, 'POST', `/api/groups/${groupId}/join`, {})).json().status).toBe(
    'pending',
  );
  const approved = await callAs(t, approver, 'POST', `/api/groups/${groupId}/requests/approve`, {
    userId: who.user.id,
  });
  expect(approved.json().status).toBe('active');
}

/** A library in Leeds with step-free access and a hearing loop. */
export const leedsVenue: NonNullable<GroupInput['venue']> = {
  name: 'Leeds Library',
  address: 'Calverley Street, Leeds',
  town: 'Leeds',
  lat: 53.8003,
  lng: -1.5486,
  access: ['step_free', 'hearing_loop'],
  accessNotes: 'Side door for the lift.',
};
