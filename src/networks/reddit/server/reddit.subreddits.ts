// The subreddits a post can go to and their rules (shared/providers.md §11): the ones the person
// moderates, then the ones they joined (mysubreddits), then Reddit's search (read); and for a
// chosen subreddit its /about, post requirements and link flairs, read for the composer, for the
// check at save and again just before submitting.
import { z } from 'zod';
import { ProviderError } from '../../../server/providers/provider.ts';
import { subredditName } from '../descriptor.ts';
import { requirementsOf, type RedditFlair, type SubredditRules } from '../requirements.ts';
import { apiUrlOf, needs, network, redditCall, redditWords, unescapeUrl, type RedditEndpoints } from './reddit-api.ts';
import { wordedError } from '../../error-words.ts';

export type SubredditSummary = { name: string; title: string | null; subscribers: number | null; over18: boolean; icon: string | null; relation: 'moderator' | 'subscriber' | 'search' };

type Thing = { kind?: unknown; data?: Record<string, unknown> };
type Listing = { data?: { children?: Thing[]; after?: unknown } };

const summaryOf = (data: Record<string, unknown> = {}, relation: SubredditSummary['relation']): SubredditSummary | null => {
  const name = typeof data.display_name === 'string' ? data.display_name : null;
  // Profiles (u_name) are subreddits too; posting goes to real subreddits only.
  if (!name || !/^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/.test(name) || data.subreddit_type === 'user') return null;
  return {
    name,
    title: typeof data.title === 'string' && data.title ? data.title : null,
    subscribers: typeof data.subscribers === 'number' ? data.subscribers : null,
    over18: data.over18 === true,
    icon: unescapeUrl(data.community_icon) ?? unescapeUrl(data.icon_img),
    relation,
  };
};

async function listing(e: RedditEndpoints, token: string, path: string, query: Record<string, string>, need: typeof needs.read, relation: SubredditSummary['relation'], pages = 1) {
  const found: SubredditSummary[] = [];
  let after: string | undefined;
  for (let page = 0; page < pages; page += 1) {
    const answer = await redditCall<Listing>(e, apiUrlOf(e, path, { ...query, after, raw_json: '1' }), token, { need });
    for (const child of answer.data?.children ?? []) {
      const summary = summaryOf(child.data, relation);
      if (summary) found.push(summary);
    }
    after = typeof answer.data?.after === 'string' && answer.data.after ? answer.data.after : undefined;
    if (!after) break;
  }
  return found;
}

/** The person's own subreddits: moderated first, then joined, each once. */
export async function mySubreddits(e: RedditEndpoints, token: string): Promise<SubredditSummary[]> {
  const moderated = await listing(e, token, '/subreddits/mine/moderator', { limit: '100' }, needs.mySubreddits, 'moderator', 2);
  const joined = await listing(e, token, '/subreddits/mine/subscriber', { limit: '100' }, needs.mySubreddits, 'subscriber', 3);
  const seen = new Set(moderated.map((s) => s.name.toLowerCase()));
  return [...moderated, ...joined.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()))];
}

export const searchInput = z.object({ query: z.string().trim().max(50, 'must be at most 50 characters').default('') }).strict();

/**
 * Subreddits for the composer's autocomplete: the person's own that match first (moderated, then
 * joined), then Reddit's search, each once, at most 25.
 */
export async function searchSubreddits(e: RedditEndpoints, token: string, query: string, scopesGranted: readonly string[]): Promise<SubredditSummary[]> {
  const q = query.trim().toLowerCase().replace(/^\/?r\//, '');
  const mine = scopesGranted.includes('mysubreddits') ? await mySubreddits(e, token) : [];
  const matching = mine.filter((s) => !q || s.name.toLowerCase().includes(q) || (s.title ?? '').toLowerCase().includes(q));
  if (!q) return matching.slice(0, 25);
  const searched = await listing(e, token, '/subreddits/search', { q, limit: '15', include_over_18: 'on' }, needs.read, 'search');
  const seen = new Set(matching.map((s) => s.name.toLowerCase()));
  return [...matching, ...searched.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()))].slice(0, 25);
}

export const subredditInput = z.object({ name: subredditName }).strict();

type FlairTemplate = { id?: unknown; text?: unknown; text_editable?: unknown; mod_only?: unknown; background_color?: unknown; text_color?: unknown; type?: unknown };

/** The subreddit's rules for posts: /about, post_requirements and the link flairs (an empty list when flairs are off). */
export async function readSubredditRules(e: RedditEndpoints, token: string, name: string): Promise<SubredditRules> {
  let about: Thing;
  try {
    about = await redditCall<Thing>(e, apiUrlOf(e, `/r/${encodeURIComponent(name)}/about`, { raw_json: '1' }), token, { need: needs.read });
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'invalid' && /http_404|http_403/.test(error.code ?? '')) {
      throw wordedError('invalid', network, redditWords('noSubredditForAccount', { name, reason: error.message }), 'subreddit_noexist');
    }
    throw error;
  }
  const data = about.data ?? {};
  if (about.kind !== 't5' || typeof data.display_name !== 'string') throw wordedError('invalid', network, redditWords('noSubreddit', { name }), 'subreddit_noexist');
  const requirements = await redditCall<Record<string, unknown>>(e, apiUrlOf(e, `/api/v1/${encodeURIComponent(data.display_name)}/post_requirements`), token, { need: needs.read });
  let flairs: RedditFlair[] = [];
  try {
    const templates = await redditCall<FlairTemplate[]>(e, apiUrlOf(e, `/r/${encodeURIComponent(data.display_name)}/api/link_flair_v2`, { raw_json: '1' }), token, { need: needs.flair });
    flairs = (Array.isArray(templates) ? templates : []).flatMap((t) =>
      typeof t.id === 'string' && t.id
        ? [{ id: t.id, text: typeof t.text === 'string' ? t.text : '', textEditable: t.text_editable === true, modOnly: t.mod_only === true, backgroundColor: typeof t.background_color === 'string' && t.background_color ? t.background_color : null, textColor: t.text_color === 'light' ? ('light' as const) : ('dark' as const) }]
        : [],
    );
  } catch (error) {
    // A subreddit with link flair turned off answers 403: no flairs to choose.
    if (!(error instanceof ProviderError && error.kind === 'invalid')) throw error;
  }
  return {
    name: data.display_name,
    submissionType: typeof data.submission_type === 'string' ? data.submission_type : 'any',
    allowImages: data.allow_images !== false,
    allowVideos: data.allow_videos !== false,
    allowGalleries: data.allow_galleries !== false,
    over18: data.over18 === true,
    requirements: requirementsOf(requirements ?? {}),
    flairs,
    readAt: new Date().toISOString(),
  };
}
