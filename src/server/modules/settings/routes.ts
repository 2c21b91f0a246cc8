import {
  Setting,
  SettingKeyParams,
  SettingsResponse,
  SettingUpdate,
} from '../../../contract/settings';
import type { AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['settings'];

export function settingsRoutes(api: Api, ctx: AppContext) {
  const { settings } = ctx;

  api.get(
    '/admin/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Every site setting, its value, and who changed it last',
        response: { 200: SettingsResponse, ...problemResponses },
      },
    },
    async (request) => settings.list(requireActor(request)),
  );

  api.put(
    '/admin/settings/:key',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change one site setting (the value is checked against its schema)',
        params: SettingKeyParams,
        body: SettingUpdate,
        response: { 200: Setting, ...problemResponses },
      },
    },
    async (request) =>
      settings.update(requireActor(request), request.params.key, request.body.value),
  );
}
