import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/feedback.tsx';
import { formatLocale } from '../../components/format.ts';
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
  const { t } = useTranslation('workspaces');
  const [chosen, setChosen] = useState<string>(channels.length === 1 ? channels[0]!.id : '');
  const channel = channels.find((c) => c.id === chosen) ?? null;
  const answer = useBestTimes(workspace.id, channel?.id ?? null).data;
  return (
    <section className="bt" aria-labelledby="best-times-title" data-testid="best-times">
      <div className="bt-head">
        <h3 id="best-times-title">{t('bestTimes.title')}</h3>
        {channels.length > 1 ? (
          <SelectField label={t('bestTimes.for')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('bestTimes.allChannels')}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {channelName(c)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {answer ? <BestTimesResult workspace={workspace} answer={answer} channel={channel} /> : <p className="muted small">{t('bestTimes.reading')}</p>}
    </section>
  );
}

function BestTimesResult({ workspace, answer, channel }: { workspace: MyWorkspace; answer: BestTimes; channel: Channel | null }) {
  const { t } = useTranslation('workspaces');
  const zone = answer.timeZone.replaceAll('_', ' ');
  const basis = (
    <p className="muted small" data-testid="best-times-basis">
      {t('bestTimes.basis', { basedOn: basedOnText(answer, t), zone })}
    </p>
  );
  if (!answer.enough) {
    return (
      <>
        <Notice title={t('bestTimes.notEnough')}>{missingData(answer, t)}</Notice>
        {answer.basedOn.posts > 0 ? basis : null}
      </>
    );
  }
  return (
    <>
      {basis}
      {answer.suggestions.length ? (
        <ol className="bt-suggestions" aria-label={t('bestTimes.suggestionsLabel')}>
          {answer.suggestions.map((s) => (
            <Suggestion key={`${s.weekday}:${s.hour}`} workspace={workspace} suggestion={s} channel={channel} />
          ))}
        </ol>
      ) : (
        <p data-testid="best-times-none">{t('bestTimes.none')}</p>
      )}
      {!channel && answer.suggestions.length > 0 && hasPermission(workspace, 'channels.manage') ? <p className="muted small">{t('bestTimes.chooseChannel')}</p> : null}
      <BestTimesGrid answer={answer} />
    </>
  );
}

function Suggestion({ workspace, suggestion, channel }: { workspace: MyWorkspace; suggestion: BestTime; channel: Channel | null }) {
  const { t } = useTranslation('workspaces');
  const label = `${weekdayName(suggestion.weekday)} ${hourLabel(suggestion.hour)}`;
  const score = suggestion.score.toLocaleString(formatLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <li className="bt-suggestion" data-testid="best-time">
      <strong>{label}</strong>
      <span className="muted small">
        {t('bestTimes.score', { score, count: suggestion.posts })}
      </span>
      {channel && hasPermission(workspace, 'channels.manage') ? <AddAsPostingTime workspace={workspace} suggestion={suggestion} channel={channel} label={label} /> : null}
    </li>
  );
}

function AddAsPostingTime({ workspace, suggestion, channel, label }: { workspace: MyWorkspace; suggestion: BestTime; channel: Channel; label: string }) {
  const slots = useChannelSlots(workspace.id, channel.id).data?.slots;
  const save = useSetChannelSlots(workspace.id, channel.id);
  const { t } = useTranslation('workspaces');
  const toast = useToast();
  // Posting times number weekdays from 0 (Monday) and count minutes; suggestions are ISO weekdays and hours.
  const slot = { weekday: suggestion.weekday - 1, minute: suggestion.hour * 60 };
  const added = slots?.some((s) => s.weekday === slot.weekday && s.minute === slot.minute) ?? false;
  if (added) return <span className="bt-added small">{t('bestTimes.already')}</span>;
  return (
    <button
      type="button"
      className="btn btn-sm"
      disabled={!slots || save.isPending}
      aria-label={t('bestTimes.addLabel', { label, channel: channelName(channel) })}
      onClick={() => save.mutate([...slots!, slot], { onSuccess: () => toast(t('bestTimes.added', { label, channel: channelName(channel) })) })}
    >
      {t('bestTimes.add')}
    </button>
  );
}
