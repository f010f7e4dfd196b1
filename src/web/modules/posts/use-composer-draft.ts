// The composer's state: the draft, when it goes out, and what the last save answered. Editing a
// stored post fills it once, with the facts of its media.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Channel } from '../channels/channels.api.ts';
import { draftFromPost, emptyDraft, initialSettings, localInputs, type ChannelIssue, type Draft } from './composer-model.ts';
import type { Media, Post } from './posts.api.ts';

export type When = 'queue' | 'at' | 'now';

const unique = (values: string[]) => [...new Set(values)];
const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000);

export function useComposerDraft({ workspaceId, postId, stored, prefillAt, adopt }: { workspaceId: string; postId: string | undefined; stored: Post | undefined; prefillAt: string | null; adopt: (media: Media[]) => void }) {
  const initialAt = prefillAt && !Number.isNaN(new Date(prefillAt).getTime()) ? new Date(prefillAt) : null;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [loaded, setLoaded] = useState(!postId);
  const [attempted, setAttempted] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [fromServer, setFromServer] = useState<ChannelIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [when, setWhen] = useState<When | null>(initialAt ? 'at' : null);
  const [date, setDate] = useState(() => localInputs(initialAt ?? inAnHour()).date);
  const [time, setTime] = useState(() => (initialAt ? localInputs(initialAt).time : `${String(inAnHour().getHours()).padStart(2, '0')}:00`));

  useEffect(() => {
    if (!stored || loaded) return;
    const next = draftFromPost(stored);
    setDraft(next);
    if (stored.publishAt) {
      const at = localInputs(new Date(stored.publishAt));
      setDate(at.date);
      setTime(at.time);
      setWhen('at');
    }
    const ids = unique([...next.media, ...Object.values(next.overrides).flatMap((o) => o.media)].map((m) => m.key));
    void Promise.all(ids.map((id) => api.get<Media>(`/api/v1/workspaces/${workspaceId}/media/${id}`).catch(() => null))).then((found) =>
      adopt(found.filter((m): m is Media => !!m)),
    );
    setLoaded(true);
  }, [stored, loaded, adopt, workspaceId]);

  /** Every change of the draft: what the server said about the previous one no longer applies. */
  const edit = useCallback((change: (d: Draft) => Draft) => {
    setDraft(change);
    setFromServer([]);
    setSubmitError(null);
  }, []);

  const toggleChannel = (channel: Channel) =>
    edit((d) => {
      const on = d.channelIds.includes(channel.id);
      return {
        ...d,
        channelIds: on ? d.channelIds.filter((x) => x !== channel.id) : [...d.channelIds, channel.id],
        settings: d.settings[channel.id] ? d.settings : { ...d.settings, [channel.id]: initialSettings(channel.network) },
      };
    });
  const setSettings = (channelId: string, settings: Record<string, unknown>) => edit((d) => ({ ...d, settings: { ...d.settings, [channelId]: settings } }));

  return {
    draft,
    edit,
    toggleChannel,
    setSettings,
    loaded,
    attempted,
    setAttempted,
    submitError,
    setSubmitError,
    fromServer,
    setFromServer,
    saving,
    setSaving,
    when,
    setWhen,
    date,
    setDate,
    time,
    setTime,
  };
}
