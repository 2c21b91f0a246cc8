import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../contract/common';
import {
  BookmarksResponse,
  CategoriesResponse,
  Category,
  CategoryInput,
  Created,
  DraftBody,
  DraftParams,
  DraftResponse,
  EditReplyBody,
  EditTopicBody,
  ImageUploaded,
  NewReplyBody,
  NewTopicBody,
  SearchQuery,
  SearchResponse,
  TipsQuery,
  TipsResponse,
  TopicListQuery,
  TopicListResponse,
  TopicPage,
  TopicPageQuery,
} from '../../../contract/forum';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';
import { Problem, problems } from '../../lib/errors';
import { pickLanguage, t } from '../../lib/i18n';
import { IMAGE_MAX_BYTES } from './images';
import { postRoutes } from './post-routes';

const tags = ['forum'];
const IdParams = z.object({ id: z.uuid() });
const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const member = { access: 'member' } as const;

export function forumRoutes(api: Api, ctx: AppContext) {
  const { forum } = ctx;
  const language = (header: string | undefined) => pickLanguage(header);

  api.get(
    '/forum/categories',
    {
      config: member,
      schema: {
        tags,
        summary: 'The parts of the forum',
        response: { 200: CategoriesResponse, ...problemResponses },
      },
    },
    async (request) => forum.categories(requireActor(request)),
  );

  api.get(
    '/forum/categories/:slug/topics',
    {
      config: member,
      schema: {
        tags,
        summary: "A category's topics, latest activity first (cursor pages)",
        params: SlugParams,
        querystring: TopicListQuery,
        response: { 200: TopicListResponse, ...problemResponses },
      },
    },
    async (request) =>
      forum.topicList(requireActor(request), request.params.slug, request.query.cursor),
  );

  api.post(
    '/forum/topics',
    {
      config: member,
      schema: {
        tags,
        summary: 'Start a topic (sending the same idempotencyKey twice makes one topic)',
        body: NewTopicBody,
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forum.createTopic(
            requireActor(request),
            request.body,
            language(request.headers['accept-language']),
          ),
        ),
  );

  api.get(
    '/forum/topics/:id',
    {
      config: member,
      schema: {
        tags,
        summary: 'A topic with a page of its replies',
        params: IdParams,
        querystring: TopicPageQuery,
        response: { 200: TopicPage, ...problemResponses },
      },
    },
    async (request) => forum.topicPage(requireActor(request), request.params.id, request.query),
  );

  api.patch(
    '/forum/topics/:id',
    {
      config: member,
      schema: {
        tags,
        summary: 'Change my topic (the earlier words are kept for moderators)',
        params: IdParams,
        body: EditTopicBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.editTopic(requireActor(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  api.post(
    '/forum/topics/:id/replies',
    {
      config: member,
      schema: {
        tags,
        summary: 'Reply to a topic (sending the same idempotencyKey twice makes one reply)',
        params: IdParams,
        body: NewReplyBody,
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forum.createReply(
            requireActor(request),
            request.params.id,
            request.body,
            language(request.headers['accept-language']),
          ),
        ),
  );

  api.patch(
    '/forum/replies/:id',
    {
      config: member,
      schema: {
        tags,
        summary: 'Change my reply',
        params: IdParams,
        body: EditReplyBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.editReply(requireActor(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  postRoutes(api, ctx);

  api.get(
    '/forum/bookmarks',
    {
      config: member,
      schema: {
        tags,
        summary: 'My bookmarked topics',
        response: { 200: BookmarksResponse, ...problemResponses },
      },
    },
    async (request) => ({ topics: await forum.bookmarks(requireActor(request)) }),
  );

  api.get(
    '/forum/tips',
    {
      config: member,
      schema: {
        tags,
        summary: 'The tips library: most helpful posts of a theme',
        querystring: TipsQuery,
        response: { 200: TipsResponse, ...problemResponses },
      },
    },
    async (request) => forum.tips(request.query.theme, request.query.cursor),
  );

  api.get(
    '/forum/search',
    {
      config: member,
      schema: {
        tags,
        summary: 'Search topics and replies',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...problemResponses },
      },
    },
    async (request) => forum.search(request.query, language(request.headers['accept-language'])),
  );

  api.get(
    '/forum/drafts/:key',
    {
      config: member,
      schema: {
        tags,
        summary: 'My saved draft for a new topic or a reply',
        params: DraftParams,
        response: { 200: DraftResponse, ...problemResponses },
      },
    },
    async (request) => ({ draft: await forum.draft(requireActor(request), request.params.key) }),
  );

  api.put(
    '/forum/drafts/:key',
    {
      config: member,
      schema: {
        tags,
        summary: 'Save my draft',
        params: DraftParams,
        body: DraftBody,
        response: { 200: DraftResponse, ...problemResponses },
      },
    },
    async (request) => ({
      draft: await forum.saveDraft(requireActor(request), request.params.key, request.body),
    }),
  );

  api.delete(
    '/forum/drafts/:key',
    {
      config: member,
      schema: {
        tags,
        summary: 'Throw my draft away',
        params: DraftParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await forum.deleteDraft(requireActor(request), request.params.key);
      return { ok: true as const };
    },
  );

  // Only the picture upload reads multipart bodies, in a scope of its own: registered for
  // the whole app, every JSON route would take a multipart body as no body at all.
  api.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: IMAGE_MAX_BYTES, files: 1, fields: 5, parts: 6 },
      throwFileSizeLimit: true,
    });
    imageUploadRoute(scope.withTypeProvider<ZodTypeProvider>(), ctx);
  });

  api.get(
    '/forum/images/:id',
    {
      config: member,
      schema: { tags, summary: 'A picture from a post', params: IdParams },
    },
    async (request, reply) => {
      const image = await forum.image(request.actor, request.params.id);
      // Never kept by shared caches. A picture that not every member may see (a board's, or
      // one not yet in a post) is checked again each time, so leaving a group ends access.
      const etag = `"${request.params.id}"`;
      reply
        .header(
          'cache-control',
          image.audience === 'members' ? 'private, max-age=86400' : 'private, no-cache',
        )
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(image.mime).send(image.data);
    },
  );

  api.post(
    '/admin/forum/categories',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a category',
        body: CategoryInput,
        response: { 201: Category, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forum.createCategory(requireActor(request), request.body)),
  );

  api.put(
    '/admin/forum/categories/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a category',
        params: IdParams,
        body: CategoryInput,
        response: { 200: Category, ...problemResponses },
      },
    },
    async (request) => forum.updateCategory(requireActor(request), request.params.id, request.body),
  );
}

function imageUploadRoute(api: Api, ctx: AppContext) {
  api.post(
    '/forum/images',
    {
      config: member,
      schema: {
        tags,
        summary: 'Upload a picture (multipart/form-data, field "image"); add alt text in the post',
        consumes: ['multipart/form-data'],
        response: { 201: ImageUploaded, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw problems.unsupportedMedia();
      const data = await readUpload(request);
      return reply.code(201).send(await ctx.forum.uploadImage(requireActor(request), data));
    },
  );
}

/** The uploaded file's bytes. A broken multipart body is the sender's mistake (400), not ours. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file();
    if (!file) throw problems.invalid({ image: t('forum.fields.image.kind') });
    return await file.toBuffer();
  } catch (error) {
    // Our own problems, and the plugin's limits (413), already say what went wrong.
    if (error instanceof Problem || (error as { statusCode?: number }).statusCode) throw error;
    throw problems.badRequest();
  }
}
