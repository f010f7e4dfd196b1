import type { UsageLedger } from '../../../server/providers/publishing.ts';
import { callGoogle, charge, type QuotaSettings, type YouTubeEndpoints } from './youtube-api.ts';

export type PlaylistChoice = { id: string; title: string; privacy: string | null };

/** Playlists the channel can add videos to, at most 50 pages of 50 (playlists.list mine=true, 1 unit a page). */
export async function myPlaylists(endpoints: YouTubeEndpoints, accessToken: string, usage: UsageLedger | undefined, quota: QuotaSettings): Promise<PlaylistChoice[]> {
  const found: PlaylistChoice[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    await charge(usage, quota, 'playlists.list');
    const answer = await callGoogle<{ items?: { id?: string; snippet?: { title?: string }; status?: { privacyStatus?: string } }[]; nextPageToken?: string }>({
      url: `${endpoints.apiUrl}/playlists?${new URLSearchParams({ part: 'snippet,status', mine: 'true', maxResults: '50', ...(pageToken ? { pageToken } : {}) })}`,
      accessToken,
      needed: { scope: 'https://www.googleapis.com/auth/youtube.readonly', what: 'listing your playlists' },
    });
    for (const item of answer.items ?? []) if (item.id) found.push({ id: item.id, title: item.snippet?.title ?? item.id, privacy: item.status?.privacyStatus ?? null });
    pageToken = answer.nextPageToken;
    if (!pageToken) break;
  }
  return found;
}
