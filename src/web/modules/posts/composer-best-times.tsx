// The best times under the composer's date and time: one click sets the next such time.
import { useId } from 'react';
import { useBestTimes } from '../analytics/best-times.api.ts';
import { basedOnText, hourLabel, missingData, nextOccurrence, weekdayName } from '../analytics/best-times.model.ts';
import { localInputs } from './composer-model.ts';

/**
 * One selected channel: that channel's suggestions; several: the workspace's (each channel weighed
 * equally), since one post keeps one time. The chips name the time in the workspace's zone and
 * fill the inputs in the browser's.
 */
export function BestTimeChips({ workspaceId, channelIds, onPick }: { workspaceId: string; channelIds: string[]; onPick: (date: string, time: string) => void }) {
  const labelId = useId();
  const channelId = channelIds.length === 1 ? channelIds[0]! : null;
  const answer = useBestTimes(workspaceId, channelId, channelIds.length > 0).data;
  if (!answer) return null;
  const zone = answer.timeZone.replaceAll('_', ' ');
  const scope = channelId ? 'this channel' : 'your channels';
  if (!answer.enough) {
    return (
      <p className="cm-best small muted" data-testid="best-times-hint">
        No best times yet for {scope}: {missingData(answer)}
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
        Best times for {scope}, {basedOnText(answer)} ({zone} time):
      </span>
      {answer.suggestions.map((s) => {
        const label = `${weekdayName(s.weekday).slice(0, 3)} ${hourLabel(s.hour)}`;
        return (
          <button key={label} type="button" className="cm-best-chip" onClick={() => pick(s)} aria-label={`${label}: the next ${weekdayName(s.weekday)} at ${hourLabel(s.hour)} ${zone} time`}>
            {label}
          </button>
        );
      })}
    </div>
  );
}
