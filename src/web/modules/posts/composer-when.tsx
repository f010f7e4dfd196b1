// The "When" choice: the next free queue slot, a picked date and time (in the browser's zone), or now.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { i18n } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../components/format.ts';
import type { When } from './use-composer-draft.ts';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function zoneName(at: Date) {
  const short = new Intl.DateTimeFormat(i18n.language, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}

export const browserTimeZone = timeZone;

/** The slot as the workspace's zone reads it ("Mon 09:00 Europe/Berlin"). */
function formatInZone(at: string, zone: string) {
  const local = new Intl.DateTimeFormat(i18n.language, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
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
  const { t } = useTranslation('posts');
  return (
    <>
      <div className="cm-when-options" role="radiogroup" aria-labelledby={`${baseId}-when`}>
        {(['queue', 'at', 'now'] as const).map((value) => (
          <label key={value} className={mode === value ? 'cm-when-option is-on' : 'cm-when-option'}>
            <input type="radio" name={`${baseId}-when`} checked={mode === value} onChange={() => onMode(value)} />
            <span>
              <strong>{t(`composer.when.${value}.label`)}</strong>
              <span className="small muted">
                {value === 'queue' ? (
                  nextSlotAt ? (
                    <>
                      <span data-testid="next-slot">
                        {t('composer.when.queue.next', { when: formatDateTime(nextSlotAt) })}
                        {slotTimeZone && slotTimeZone !== timeZone ? ` (${formatInZone(nextSlotAt, slotTimeZone)})` : ''}
                      </span>
                      {onEditPostingTimes ? (
                        <>
                          {' · '}
                          <button type="button" className="link-button" onClick={onEditPostingTimes}>
                            {t('composer.when.queue.editTimes')}
                          </button>
                        </>
                      ) : null}
                    </>
                  ) : hasChannels ? (
                    <>
                      {t('composer.when.queue.noTimes')}{' '}
                      {onEditPostingTimes ? (
                        <button type="button" className="link-button" onClick={onEditPostingTimes}>
                          {t('composer.when.queue.setUp')}
                        </button>
                      ) : (
                        <Link to={postingTimesHref}>{t('composer.when.queue.setUp')}</Link>
                      )}
                    </>
                  ) : (
                    t('composer.when.queue.hint')
                  )
                )
                : value === 'at' ? (
                  t('composer.when.at.hint')
                ) : (
                  t('composer.when.now.hint')
                )}
              </span>
            </span>
          </label>
        ))}
      </div>
      {mode === 'at' ? (
        <div className="cm-datetime">
          <div className="field">
            <label htmlFor={`${baseId}-date`}>{t('composer.when.date')}</label>
            <input id={`${baseId}-date`} type="date" value={date} onChange={(e) => onDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-time`}>{t('composer.when.time')}</label>
            <input id={`${baseId}-time`} type="time" value={time} onChange={(e) => onTime(e.target.value)} />
          </div>
          <p className="cm-zone small muted" data-testid="time-zone">
            {t('composer.when.zone', { zone: zoneName(instant ?? new Date()) })}
          </p>
        </div>
      ) : null}
    </>
  );
}
