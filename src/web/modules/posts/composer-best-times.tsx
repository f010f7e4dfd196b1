// The best times under the composer's date and time: one click sets the next such time.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBestTimes } from '../analytics/best-times.api.ts';
import { basedOnText, hourLabel, missingData, nextOccurrence } from '../analytics/best-times.model.ts';
import { localInputs } from './composer-model.ts';

/** An ISO weekday (1 = Monday) named in a language: 1 January 2024 was a Monday. */
const weekdayIn = (language: string, weekday: number, width: 'short' | 'long') =>
  new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

/**
 * One selected channel: that channel's suggestions; several: the workspace's (each channel weighed
 * equally), since one post keeps one time. The chips name the time in the workspace's zone and
 * fill the inputs in the browser's.
 */
export function BestTimeChips({ workspaceId, channelIds, onPick }: { workspaceId: string; channelIds: string[]; onPick: (date: string, time: string) => void }) {
  const { t, i18n } = useTranslation('posts');
  const labelId = useId();
  const channelId = channelIds.length === 1 ? channelIds[0]! : null;
  const answer = useBestTimes(workspaceId, channelId, channelIds.length > 0).data;
  if (!answer) return null;
  const zone = answer.timeZone.replaceAll('_', ' ');
  const scope = channelId ? 'channel' : 'channels';
  if (!answer.enough) {
    return (
      <p className="cm-best small muted" data-testid="best-times-hint">
        {t(`composer.best.none.${scope}`, { missing: missingData(answer) })}
      </p>
    );
  }
  if (!answer.suggestions.length) return null;
  const pick = (slot: { weekday: number; hour: number }) => {
    const at = nextOccurrence(slot, answer.timeZone);
    if (!at) return;
    const inputs = localInputs(at);
    onPick(inputs.date, inputs.time);
  };
  return (
    <div className="cm-best" role="group" aria-labelledby={labelId} data-testid="best-time-chips">
      <span id={labelId} className="small muted">
        {t(`composer.best.title.${scope}`, { basis: basedOnText(answer), zone })}
      </span>
      {answer.suggestions.map((s) => {
        const label = `${weekdayIn(i18n.language, s.weekday, 'short')} ${hourLabel(s.hour)}`;
        return (
          <button key={label} type="button" className="cm-best-chip" onClick={() => pick(s)} aria-label={t('composer.best.chip', { label, weekday: weekdayIn(i18n.language, s.weekday, 'long'), hour: hourLabel(s.hour), zone })}>
            {label}
          </button>
        );
      })}
    </div>
  );
}
