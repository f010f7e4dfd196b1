import { useState } from 'react';
import { Notice } from '../../components/feedback.tsx';
import { SelectField } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { BestTimesGrid } from '../analytics/best-times-grid.tsx';
import { useBestTimes, type BestTime, type BestTimes } from '../analytics/best-times.api.ts';
import { basedOnText, hourLabel, missingData, weekdayName } from '../analytics/best-times.model.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import type { Channel } from '../channels/channels.api.ts';
import { useChannelSlots, useSetChannelSlots } from './posting-times.api.ts';
import { hasPermission } from './workspace-route.tsx';

const channelName = (c: Channel) => c.displayName ?? c.username ?? c.network;

/**
 * "Best times from your results" under the posting times: what the workspace's own published posts
 * say about weekdays and hours, for one channel or all of them, with the data it rests on, and a way
 * to turn a suggestion into a posting time of the chosen channel.
 */
export function BestTimesPart({ workspace, channels }: { workspace: MyWorkspace; channels: Channel[] }) {
  const [chosen, setChosen] = useState<string>(channels.length === 1 ? channels[0]!.id : '');
  const channel = channels.find((c) => c.id === chosen) ?? null;
  const answer = useBestTimes(workspace.id, channel?.id ?? null).data;
  return (
    <section className="bt" aria-labelledby="best-times-title" data-testid="best-times">
      <div className="bt-head">
        <h3 id="best-times-title">Best times from your results</h3>
        {channels.length > 1 ? (
          <SelectField label="For" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">All channels</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {channelName(c)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {answer ? <BestTimesResult workspace={workspace} answer={answer} channel={channel} /> : <p className="muted small">Reading your results…</p>}
    </section>
  );
}

function BestTimesResult({ workspace, answer, channel }: { workspace: MyWorkspace; answer: BestTimes; channel: Channel | null }) {
  const zone = answer.timeZone.replaceAll('_', ' ');
  const basis = (
    <p className="muted small" data-testid="best-times-basis">
      Engagement (likes, comments and shares) of published posts of the last 90 days, {basedOnText(answer)}. Times are in {zone}.
    </p>
  );
  if (!answer.enough) {
    return (
      <>
        <Notice title="Not enough results yet to suggest times">{missingData(answer)}</Notice>
        {answer.basedOn.posts > 0 ? basis : null}
      </>
    );
  }
  return (
    <>
      {basis}
      {answer.suggestions.length ? (
        <ol className="bt-suggestions" aria-label="Suggested posting times">
          {answer.suggestions.map((s) => (
            <Suggestion key={`${s.weekday}:${s.hour}`} workspace={workspace} suggestion={s} channel={channel} />
          ))}
        </ol>
      ) : (
        <p data-testid="best-times-none">No time stands out yet: every weekday and hour did about as well as your average post.</p>
      )}
      {!channel && answer.suggestions.length > 0 && hasPermission(workspace, 'channels.manage') ? <p className="muted small">Choose a channel above to add a suggestion to its posting times.</p> : null}
      <BestTimesGrid answer={answer} />
    </>
  );
}

function Suggestion({ workspace, suggestion, channel }: { workspace: MyWorkspace; suggestion: BestTime; channel: Channel | null }) {
  const label = `${weekdayName(suggestion.weekday)} ${hourLabel(suggestion.hour)}`;
  return (
    <li className="bt-suggestion" data-testid="best-time">
      <strong>{label}</strong>
      <span className="muted small">
        {suggestion.score.toFixed(1)}× the average post · {suggestion.posts} posts
      </span>
      {channel && hasPermission(workspace, 'channels.manage') ? <AddAsPostingTime workspace={workspace} suggestion={suggestion} channel={channel} label={label} /> : null}
    </li>
  );
}

function AddAsPostingTime({ workspace, suggestion, channel, label }: { workspace: MyWorkspace; suggestion: BestTime; channel: Channel; label: string }) {
  const slots = useChannelSlots(workspace.id, channel.id).data?.slots;
  const save = useSetChannelSlots(workspace.id, channel.id);
  const toast = useToast();
  // Posting times number weekdays from 0 (Monday) and count minutes; suggestions are ISO weekdays and hours.
  const slot = { weekday: suggestion.weekday - 1, minute: suggestion.hour * 60 };
  const added = slots?.some((s) => s.weekday === slot.weekday && s.minute === slot.minute) ?? false;
  if (added) return <span className="bt-added small">✓ Already a posting time</span>;
  return (
    <button
      type="button"
      className="btn btn-sm"
      disabled={!slots || save.isPending}
      aria-label={`Add as posting time: ${label} for ${channelName(channel)}`}
      onClick={() => save.mutate([...slots!, slot], { onSuccess: () => toast(`${label} added to the posting times of ${channelName(channel)}.`) })}
    >
      Add as posting time
    </button>
  );
}
