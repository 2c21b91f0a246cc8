import type { z } from 'zod';
import type { Ok } from '../../contract/common';
import type {
  BookmarksResponse,
  CategoriesResponse,
  Created,
  DraftBody,
  DraftResponse,
  EditReplyBody,
  EditTopicBody,
  ImageUploaded,
  NewReplyBody,
  NewTopicBody,
  PostKind,
  ReactionKind,
  Reactions,
  RemovalBody,
  SearchQuery,
  SearchResponse,
  TipsQuery,
  TipsResponse,
  TopicListQuery,
  TopicListResponse,
  TopicPage,
  TopicPageQuery,
} from '../../contract/forum';
import i18n from '../i18n';
import { call, route } from './route';
import { ApiProblem } from './transport';

/** The forum's routes, typed from `src/contract/forum.ts`. */
export const forumRoutes = {
  categories: route<CategoriesResponse>()('GET', '/forum/categories'),
  categoryTopics: route<TopicListResponse, never, z.input<typeof TopicListQuery>>()(
    'GET',
    '/forum/categories/:slug/topics',
  ),
  newTopic: route<Created, NewTopicBody>()('POST', '/forum/topics'),
  topic: route<TopicPage, never, z.input<typeof TopicPageQuery>>()('GET', '/forum/topics/:id'),
  editTopic: route<Ok, EditTopicBody>()('PATCH', '/forum/topics/:id'),
  newReply: route<Created, NewReplyBody>()('POST', '/forum/topics/:id/replies'),
  editReply: route<Ok, EditReplyBody>()('PATCH', '/forum/replies/:id'),
  deletePost: route<Ok>()('DELETE', '/forum/posts/:kind/:id'),
  removePost: route<Ok, RemovalBody>()('POST', '/forum/posts/:kind/:id/removal'),
  restorePost: route<Ok>()('POST', '/forum/posts/:kind/:id/restore'),
  addReaction: route<Reactions>()('PUT', '/forum/posts/:kind/:id/reactions/:reaction'),
  takeReaction: route<Reactions>()('DELETE', '/forum/posts/:kind/:id/reactions/:reaction'),
  markHelpful: route<{ helpfulCount: number }>()('PUT', '/forum/posts/:kind/:id/helpful'),
  unmarkHelpful: route<{ helpfulCount: number }>()('DELETE', '/forum/posts/:kind/:id/helpful'),
  addBookmark: route<Ok>()('PUT', '/forum/topics/:id/bookmark'),
  takeBookmark: route<Ok>()('DELETE', '/forum/topics/:id/bookmark'),
  bookmarks: route<BookmarksResponse>()('GET', '/forum/bookmarks'),
  tips: route<TipsResponse, never, z.input<typeof TipsQuery>>()('GET', '/forum/tips'),
  search: route<SearchResponse, never, z.input<typeof SearchQuery>>()('GET', '/forum/search'),
  draft: route<DraftResponse>()('GET', '/forum/drafts/:key'),
  saveDraft: route<DraftResponse, DraftBody>()('PUT', '/forum/drafts/:key'),
  deleteDraft: route<Ok>()('DELETE', '/forum/drafts/:key'),
  uploadImage: route<ImageUploaded>()('POST', '/forum/images'),
} as const;

/** A post as the routes name it: its kind and id. */
export interface PostRef {
  kind: PostKind;
  id: string;
}

const r = forumRoutes;

export const getCategories = () => call(r.categories);

export const getCategoryTopics = (slug: string, cursor: string | null) =>
  call(r.categoryTopics, { params: { slug }, query: { cursor: cursor ?? undefined } });

export const createTopic = (body: NewTopicBody) => call(r.newTopic, { body });

/** Where in a topic's replies a page starts: after a cursor, before one, or at a reply's page. */
export type TopicPlace = z.input<typeof TopicPageQuery>;

export const getTopicPage = (id: string, place: TopicPlace = {}) =>
  call(r.topic, { params: { id }, query: place });

export const editTopic = (id: string, body: EditTopicBody) =>
  call(r.editTopic, { params: { id }, body });

export const createReply = (topicId: string, body: NewReplyBody) =>
  call(r.newReply, { params: { id: topicId }, body });

export const editReply = (id: string, body: EditReplyBody) =>
  call(r.editReply, { params: { id }, body });

export const deletePost = (post: PostRef) => call(r.deletePost, { params: post });

export const removePost = (post: PostRef, body: RemovalBody) =>
  call(r.removePost, { params: post, body });

export const restorePost = (post: PostRef) => call(r.restorePost, { params: post });

export const setReaction = (post: PostRef, reaction: ReactionKind, on: boolean) =>
  call(on ? r.addReaction : r.takeReaction, { params: { ...post, reaction } });

export const setHelpful = (post: PostRef, on: boolean) =>
  call(on ? r.markHelpful : r.unmarkHelpful, { params: post });

export const setBookmark = (topicId: string, on: boolean) =>
  call(on ? r.addBookmark : r.takeBookmark, { params: { id: topicId } });

export const getBookmarks = () => call(r.bookmarks);

export const getTips = (query: z.input<typeof TipsQuery>) => call(r.tips, { query });

export const searchForum = (query: z.input<typeof SearchQuery>) => call(r.search, { query });

export const getDraft = (key: string) => call(r.draft, { params: { key } });

export const saveDraft = (key: string, body: DraftBody) =>
  call(r.saveDraft, { params: { key }, body });

export const deleteDraft = (key: string) => call(r.deleteDraft, { params: { key } });

/** Sends a picture as multipart form data (the JSON helper cannot). */
export async function uploadPicture(file: File): Promise<ImageUploaded> {
  const form = new FormData();
  form.append('image', file);
  let response: Response;
  try {
    response = await fetch(`/api${r.uploadImage.path}`, {
      method: r.uploadImage.method,
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiProblem(0, i18n.t('app.offline'));
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = data as { title?: unknown; errors?: Record<string, string> } | null;
    throw new ApiProblem(
      response.status,
      typeof problem?.title === 'string' ? problem.title : i18n.t('problems.internal'),
      problem?.errors ?? {},
    );
  }
  return data as ImageUploaded;
}
