import { type SQL, sql } from 'drizzle-orm';
import type { PostKind, SearchResponse } from '../../../contract/forum';
import { type Db, queryRows } from '../../db';
import { forumCategories, forumReplies, forumSearchWords, forumTopics } from './tables';

/** At most this many words of a search are used: a long paste stays one cheap query. */
const MAX_WORDS = 8;
/** Shorter words are matched whole: "a:*" would match half the forum and help nobody. */
const PREFIX_FROM = 3;
const PER_PAGE = 20;

/**
 * The words of what a person typed, lower-cased: letters, digits and the marks that go on
 * letters, nothing else. So no quote, colon, bracket or operator can reach the tsquery.
 */
export function searchWords(typed: string): string[] {
  const words = typed.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/**
 * A tsquery that matches the beginning of every word ("tired" finds "Tiredness"). Built only
 * from searchWords' output, each word quoted, and always sent as a bound parameter.
 */
export function prefixQuery(words: string[]): string {
  return words.map((word) => `'${word}'${[...word].length >= PREFIX_FROM ? ':*' : ''}`).join(' & ');
}

/** Edits (insert, delete, change, swap two letters) that turn one word into the other. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** How far a word may be from what was typed to be offered: more room in longer words. */
function maxEdits(word: string): number {
  const length = [...word].length;
  return length <= 4 ? 1 : length <= 7 ? 2 : 3;
}

export interface Candidate {
  word: string;
  /** pg_trgm's similarity to the typed word, 0 to 1. */
  similarity: number;
}

/**
 * Near words worth offering for a typed word, best first: fewest edits, then the same first
 * letter (people seldom get that one wrong), then trigram similarity. Too far is left out.
 */
export function rankCorrections(typed: string, candidates: Candidate[]): string[] {
  const limit = maxEdits(typed);
  const first = [...typed][0];
  return candidates
    .filter((c) => c.word !== typed)
    .map((c) => ({ ...c, edits: editDistance(typed, c.word), sameStart: [...c.word][0] === first }))
    .filter((c) => c.edits <= limit)
    .sort(
      (a, b) =>
        a.edits - b.edits ||
        Number(b.sameStart) - Number(a.sameStart) ||
        b.similarity - a.similarity,
    )
    .map((c) => c.word);
}

/** Near words tried, best first, before giving up on one typed word. */
const TRIES_PER_WORD = 3;

export interface SearchInput {
  q: string;
  category?: string | undefined;
  page: number;
}

/** Ranked full-text search over what every member may read, with "Did you mean" when nothing is found. */
export function createForumSearch(db: Db) {
  /** The clause that keeps a search to one category, or to none. */
  const inCategory = (category: string | null, column: SQL) =>
    sql`(${category}::uuid is null or ${column} = ${category}::uuid)`;

  async function findsAnything(tsquery: string, config: string, category: string | null) {
    const [row] = await queryRows<{ found: boolean }>(
      db,
      sql`
      with q as (select to_tsquery(${config}::regconfig, ${tsquery}) as q)
      select exists (
               select 1 from ${forumTopics} t, q
                where t.search @@ q.q and t.group_id is null and t.deleted_at is null and t.held_at is null
                  and ${inCategory(category, sql`t.category_id`)})
          or exists (
               select 1 from ${forumReplies} r join ${forumTopics} t on t.id = r.topic_id, q
                where r.search @@ q.q and r.group_id is null and r.deleted_at is null and r.held_at is null
                  and t.deleted_at is null and t.held_at is null and ${inCategory(category, sql`t.category_id`)}) as found`,
    );
    return Boolean(row?.found);
  }

  /** Listed words near a typed word, or none when some listed word already begins with it. */
  async function nearWords(word: string): Promise<Candidate[]> {
    const rows = await queryRows<{ word: string; similarity: number }>(
      db,
      sql`
      with known as (
        select exists (select 1 from ${forumSearchWords} k where k.word like ${`${word}%`}) as known
      )
      select w.word, similarity(w.word, ${word}) as similarity
        from ${forumSearchWords} w
       where not (select known from known)
       order by w.word <-> ${word}
       limit 8`,
    );
    return rows.map((r) => ({ word: r.word, similarity: Number(r.similarity) }));
  }

  /**
   * Other words that find something, when the typed ones found nothing; undefined if none.
   * The list may hold words of posts since removed, so each word offered is first checked
   * to find a live post every member may read: "Did you mean" is never a dead end.
   */
  async function suggestionFor(
    words: string[],
    config: string,
    category: string | null,
  ): Promise<string | undefined> {
    let changed = false;
    const corrected: string[] = [];
    for (const word of words) {
      let better: string | undefined;
      if ([...word].length >= PREFIX_FROM && !/^\p{N}+$/u.test(word)) {
        const ranked = rankCorrections(word, await nearWords(word)).slice(0, TRIES_PER_WORD);
        for (const candidate of ranked) {
          if (await findsAnything(prefixQuery([candidate]), config, category)) {
            better = candidate;
            break;
          }
        }
      }
      if (better) changed = true;
      corrected.push(better ?? word);
    }
    if (!changed) return undefined;
    if (words.length > 1 && !(await findsAnything(prefixQuery(corrected), config, category))) {
      return undefined;
    }
    return corrected.join(' ');
  }

  return async function search(query: SearchInput, config: string): Promise<SearchResponse> {
    const words = searchWords(query.q);
    if (words.length === 0) return { results: [], page: query.page, hasMore: false };
    const tsquery = prefixQuery(words);
    const offset = (query.page - 1) * PER_PAGE;
    const category = query.category ?? null;
    const found = await queryRows<{
      kind: PostKind;
      id: string;
      topic_id: string;
      topic_title: string;
      category_name: string;
      snippet: string;
      created_at: Date | string;
    }>(
      db,
      sql`
      with q as (select to_tsquery(${config}::regconfig, ${tsquery}) as q),
      hits as (
        (select 'topic' as kind, t.id, t.id as topic_id, t.title as topic_title, t.category_id,
                t.body_text, t.created_at, ts_rank(t.search, q.q) as rank
           from ${forumTopics} t, q
          where t.search @@ q.q and t.group_id is null and t.deleted_at is null and t.held_at is null
            and ${inCategory(category, sql`t.category_id`)}
          order by rank desc, t.created_at desc, t.id desc limit ${offset + PER_PAGE + 1})
        union all
        (select 'reply', r.id, r.topic_id, t.title, t.category_id, r.body_text, r.created_at,
                ts_rank(r.search, q.q) * 0.9
           from ${forumReplies} r join ${forumTopics} t on t.id = r.topic_id, q
          where r.search @@ q.q and r.group_id is null and r.deleted_at is null and r.held_at is null
            and t.deleted_at is null and t.held_at is null
            and ${inCategory(category, sql`t.category_id`)}
          order by 8 desc, r.created_at desc, r.id desc limit ${offset + PER_PAGE + 1})
      ),
      page as (select * from hits order by rank desc, created_at desc, id desc offset ${offset} limit ${PER_PAGE + 1})
      select page.kind, page.id, page.topic_id, page.topic_title, c.name as category_name, page.created_at,
             ts_headline(${config}::regconfig, page.body_text, q.q,
               'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from page join ${forumCategories} c on c.id = page.category_id, q
       order by page.rank desc, page.created_at desc, page.id desc`,
    );
    const response: SearchResponse = {
      results: found.slice(0, PER_PAGE).map((r) => ({
        kind: r.kind,
        id: r.id,
        topicId: r.topic_id,
        topicTitle: r.topic_title,
        categoryName: r.category_name,
        snippet: r.snippet,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      page: query.page,
      hasMore: found.length > PER_PAGE,
    };
    if (query.page === 1 && found.length === 0) {
      const suggestion = await suggestionFor(words, config, category);
      if (suggestion) response.suggestion = suggestion;
    }
    return response;
  };
}
