import { describe, expect, it } from 'vitest';
import { Body, SearchQuery, Title } from './forum';
import { forumLimits } from './forum-limits';

describe('the forum limits the web app shows', () => {
  it('are the limits the server checks', () => {
    expect({ min: Title.minLength, max: Title.maxLength }).toEqual(forumLimits.title);
    expect({ min: Body.minLength, max: Body.maxLength }).toEqual(forumLimits.body);
    expect({ min: SearchQuery.shape.q.minLength, max: SearchQuery.shape.q.maxLength }).toEqual(
      forumLimits.search,
    );
  });
});
