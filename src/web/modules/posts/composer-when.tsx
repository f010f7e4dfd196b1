// The "When" choice: the next free queue slot, a picked date and time (in the browser's zone), or now.
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format.ts';
import type { When } from './use-composer-draft.ts';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function zoneName(at: Date) {
  const short = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}

export const browserTimeZone = timeZone;

/** The slot as the workspace's zone reads it ("Mon 09:00 Europe/Berlin"). */
function formatInZone(at: string, zone: string) {
  const local = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  return `${local} ${zone.replaceAll('_', ' ')}`;
}

export function WhenChoice({
  baseId,
  mode,
  onMode,
  nextSlotAt,
  slotTimeZone,
  postingTimesHref,
  onEditPostingTimes,
  hasChannels,
  date,
  time,
  onDate,
  onTime,
  instant,
}: {
  baseId: string;
  mode: When;
  onMode: (mode: When) => void;
  /** The next free slot; null when there is none, undefined while unknown. */
  nextSlotAt: string | null | undefined;
  /** The workspace's zone, which posting times are in; named when it is not the browser's. */
  slotTimeZone: string | undefined;
  postingTimesHref: string;
  /** Opens the posting-times editor over the composer (members who may change them); otherwise a link to Settings. */
  onEditPostingTimes?: () => void;
  hasChannels: boolean;
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  instant: Date | null;
}) {
  return (
    <>
      <div className="cm-when-options" role="radiogroup" aria-labelledby={`${baseId}-when`}>
        {(['queue', 'at', 'now'] as const).map((value) => (
          <label key={value} className={mode === value ? 'cm-when-option is-on' : 'cm-when-option'}>
            <input type="radio" name={`${baseId}-when`} checked={mode === value} onChange={() => onMode(value)} />
            <span>
              <strong>{{ queue: 'Add to queue', at: 'Pick a time', now: 'Post now' }[value]}</strong>
              <span className="small muted">
                {value === 'queue' ? (
                  nextSlotAt ? (
                    <>
                      <span data-testid="next-slot">
                        Next free slot {formatDateTime(nextSlotAt)}
                        {slotTimeZone && slotTimeZone !== timeZone ? ` (${formatInZone(nextSlotAt, slotTimeZone)})` : ''}
                      </span>
                      {onEditPostingTimes ? (
                        <>
                          {' · '}
                          <button type="button" className="link-button" onClick={onEditPostingTimes}>
                            Edit posting times
                          </button>
                        </>
                      ) : null}
                    </>
                  ) : hasChannels ? (
                    <>
                      No posting times set up yet:{' '}
                      {onEditPostingTimes ? (
                        <button type="button" className="link-button" onClick={onEditPostingTimes}>
                          set them up
                        </button>
                      ) : (
                        <Link to={postingTimesHref}>set them up</Link>
                      )}
                    </>
                  ) : (
                    'The next free posting time'
                  )
                )
                : value === 'at' ? (
                  'A date and time of your choice'
                ) : (
                  'Publish right away'
                )}
              </span>
            </span>
          </label>
        ))}
      </div>
      {mode === 'at' ? (
        <div className="cm-datetime">
          <div className="field">
            <label htmlFor={`${baseId}-date`}>Date</label>
            <input id={`${baseId}-date`} type="date" value={date} onChange={(e) => onDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-time`}>Time</label>
            <input id={`${baseId}-time`} type="time" value={time} onChange={(e) => onTime(e.target.value)} />
          </div>
          <p className="cm-zone small muted" data-testid="time-zone">
            Time zone: {zoneName(instant ?? new Date())}
          </p>
        </div>
      ) : null}
    </>
  );
}
