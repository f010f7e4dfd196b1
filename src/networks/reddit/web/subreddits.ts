// The composer's view of Reddit: the person's subreddits (the pre-flight answer), the autocomplete
// (search-subreddits action) and a chosen subreddit's rules (subreddit action), as the server part
// shapes them. A subreddit's rules are one query shared by the options panel and the preview.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import type { Channel } from '../../../web/modules/channels/channels.api.ts';
import type { SubredditRules } from '../requirements.ts';

export type SubredditSummary = { name: string; title: string | null; subscribers: number | null; over18: boolean; icon: string | null; relation: 'moderator' | 'subscriber' | 'search' };
export type RedditPreflight = { subreddits: SubredditSummary[]; avatar: string | null };

export const subredditsOf = (data: unknown): SubredditSummary[] => {
  const list = (data as Partial<RedditPreflight> | undefined)?.subreddits;
  return Array.isArray(list) ? list : [];
};

const actionUrl = (channel: Pick<Channel, 'id' | 'workspaceId'>, name: string) => `/api/v1/workspaces/${channel.workspaceId}/channels/${channel.id}/actions/${name}`;

/** Subreddits matching what the person typed: theirs first, then Reddit's search. */
export function useSubredditSearch(channel: Pick<Channel, 'id' | 'workspaceId'>, query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspaces', channel.workspaceId, 'channels', channel.id, 'reddit-search', query],
    queryFn: () => api.post<{ subreddits: SubredditSummary[] }>(actionUrl(channel, 'search-subreddits'), { query }),
    enabled: enabled && query.trim().length >= 2,
    staleTime: 60_000,
  });
}

/** A subreddit's rules for posts (read at Reddit, and kept on the channel so a save is checked against them). */
export function useSubredditRules(channel: Pick<Channel, 'id' | 'workspaceId'>, name: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['workspaces', channel.workspaceId, 'channels', channel.id, 'reddit-subreddit', (name ?? '').toLowerCase()],
    queryFn: async () => {
      const answer = await api.post<{ subreddit: SubredditRules }>(actionUrl(channel, 'subreddit'), { name });
      // The rules are now the channel's limits: the channel list (and so the composer's own checks) reads them again.
      void queryClient.invalidateQueries({ queryKey: ['workspaces', channel.workspaceId, 'channels'], exact: true });
      return answer;
    },
    enabled: Boolean(name),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The host a link post shows beside its title. */
export function linkDomain(link: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
