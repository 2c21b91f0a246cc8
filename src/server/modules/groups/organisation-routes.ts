// The organisation routes of the groups module: who runs groups, and making them.
import {
  GroupDetail,
  GroupInput,
  Organisation,
  OrganisationAdminBody,
  OrganisationInput,
  OrganisationsResponse,
  OrganisationUpdate,
} from '../../../contract/groups';
import type { AppContext } from '../../context';
import type { Api } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';
import { params, responses, tags } from './route-shapes';

export function organisationRoutes(api: Api, { groups }: AppContext) {
  api.get(
    '/organisations',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Organisations I run (all of them for a platform admin)',
        response: responses(OrganisationsResponse),
      },
    },
    async (request) => groups.organisations(requireActor(request)),
  );

  api.post(
    '/organisations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Make an organisation and name its admins',
        body: OrganisationInput,
        response: responses(Organisation),
      },
    },
    async (request) => groups.createOrganisation(requireActor(request), request.body),
  );

  api.patch(
    '/organisations/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "Change an organisation's own video service (its admins)",
        params,
        body: OrganisationUpdate,
        response: responses(Organisation),
      },
    },
    async (request) =>
      groups.updateOrganisation(requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/organisations/:id/admins',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Name an admin of an organisation',
        params,
        body: OrganisationAdminBody,
        response: responses(Organisation),
      },
    },
    async (request) =>
      groups.addOrganisationAdmin(requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/organisations/:id/groups',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Make a group (organisation admins)',
        params,
        body: GroupInput,
        response: responses(GroupDetail),
      },
    },
    async (request) => groups.createGroup(requireActor(request), request.params.id, request.body),
  );
}
