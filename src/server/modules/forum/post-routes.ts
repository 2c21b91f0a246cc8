// The routes that act on one post, whichever kind: deleting, staff removal and restoring,
// its history, reactions and "this helped me"; and bookmarking a topic.
import { z } from 'zod';
import { Ok } from '../../../contract/common';
import {
  PostParams,
  ReactionParams,
  Reactions,
  RemovalBody,
  RevisionsResponse,
} from '../../../contract/forum';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['forum'];
const IdParams = z.object({ id: z.uuid() });
const member = { access: 'member' } as const;

export function postRoutes(api: Api, ctx: AppContext) {
  const { forum } = ctx;

  api.delete(
    '/forum/posts/:kind/:id',
    {
      config: member,
      schema: {
        tags,
        summary: "Delete my own post (staff remove other people's posts with a reason: /removal)",
        params: PostParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.deletePost(requireActor(request), request.params.kind, request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/forum/posts/:kind/:id/removal',
    {
      config: { access: 'moderator' },
      schema: {
        tags,
        summary:
          "Remove someone's post, with a reason (staff). The post and the reason are kept for review",
        params: PostParams,
        body: RemovalBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.removePost(
        requireActor(request),
        request.params.kind,
        request.params.id,
        request.body,
      );
      return { ok: true as const };
    },
  );

  api.post(
    '/forum/posts/:kind/:id/restore',
    {
      config: { access: 'moderator' },
      schema: {
        tags,
        summary: 'Put back a post a moderator removed (staff)',
        params: PostParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.restorePost(requireActor(request), request.params.kind, request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/forum/posts/:kind/:id/revisions',
    {
      config: { access: 'moderator' },
      schema: {
        tags,
        summary: "A post's earlier versions (moderators)",
        params: PostParams,
        response: { 200: RevisionsResponse, ...problemResponses },
      },
    },
    async (request) =>
      forum.revisions(requireActor(request), request.params.kind, request.params.id),
  );

  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    api[method](
      '/forum/posts/:kind/:id/reactions/:reaction',
      {
        config: member,
        schema: {
          tags,
          summary: on
            ? 'React to a post: me too, thank you, sending strength'
            : 'Take my reaction back',
          params: ReactionParams,
          body: noBody,
          response: { 200: Reactions, ...problemResponses },
        },
      },
      async (request) =>
        forum.setReaction(
          requireActor(request),
          request.params.kind,
          request.params.id,
          request.params.reaction,
          on,
        ),
    );

    api[method](
      '/forum/posts/:kind/:id/helpful',
      {
        config: member,
        schema: {
          tags,
          summary: on ? 'Mark a post "This helped me"' : 'Take "This helped me" back',
          params: PostParams,
          body: noBody,
          response: { 200: z.object({ helpfulCount: z.number().int() }), ...problemResponses },
        },
      },
      async (request) =>
        forum.setHelpful(requireActor(request), request.params.kind, request.params.id, on),
    );

    api[method](
      '/forum/topics/:id/bookmark',
      {
        config: member,
        schema: {
          tags,
          summary: on ? 'Bookmark a topic' : 'Remove a bookmark',
          params: IdParams,
          body: noBody,
          response: { 200: Ok, ...problemResponses },
        },
      },
      async (request) => {
        await forum.setBookmark(requireActor(request), request.params.id, on);
        return { ok: true as const };
      },
    );
  }
}
