import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/avatar.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatLocale } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { weekdayName } from '../analytics/best-times.model.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { useChannels, type Channel } from '../channels/channels.api.ts';
import { BestTimesPart } from './best-times.section.tsx';
import { useChannelSlots, useScheduleSettings, useSetChannelSlots, useSetTimeZone, useUpcomingSlots, type WeeklySlot } from './posting-times.api.ts';
import { hasPermission } from './workspace-route.tsx';
import './posting-times.css';

// Weekdays as the API numbers them: 0 is Monday (weekdayName counts ISO weekdays, from 1).
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const allZones = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return h! * 60 + m!;
};
const sameSlots = (a: WeeklySlot[], b: WeeklySlot[]) => a.length === b.length && a.every((s, i) => s.weekday === b[i]!.weekday && s.minute === b[i]!.minute);
const sorted = (slots: WeeklySlot[]) => [...slots].sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);

/**
 * The workspace's time zone and each channel's weekly posting times, which "Add to queue" in the
 * composer fills in turn; each channel shows its next free times as a check of what was set.
 */
export function PostingTimesSection({ workspace, inDialog = false }: { workspace: MyWorkspace; inDialog?: boolean }) {
  const { t } = useTranslation('workspaces');
  const settings = useScheduleSettings(workspace.id);
  const channels = (useChannels(workspace.id).data?.items ?? []).filter((c) => c.status !== 'disconnected');
  const explanation = <p className="muted small">{t('postingTimes.explanation')}</p>;
  // In the composer's dialog the dialog's own title names it; on Settings it is a card of its own.
  return (
    <section className={inDialog ? 'pt-in-dialog' : 'card'} aria-labelledby={inDialog ? undefined : 'posting-times-title'} id={inDialog ? undefined : 'posting-times'}>
      {inDialog ? (
        explanation
      ) : (
        <div className="card-head">
          <h2 id="posting-times-title">{t('postingTimes.title')}</h2>
          {explanation}
        </div>
      )}
      {settings.data ? <TimeZoneForm key={settings.data.timeZone} workspace={workspace} current={settings.data.timeZone} chosen={settings.data.timeZoneSet} /> : null}
      {channels.length ? (
        <ul className="pt-channels">
          {channels.map((channel) => (
            <ChannelPostingTimes key={channel.id} workspace={workspace} channel={channel} timeZone={settings.data?.timeZone ?? 'UTC'} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('postingTimes.noChannel')}</p>
      )}
      {/* Over the composer the dialog stays about editing times; the suggestions live on the page. */}
      {!inDialog && channels.length ? <BestTimesPart workspace={workspace} channels={channels} /> : null}
    </section>
  );
}

function TimeZoneForm({ workspace, current, chosen }: { workspace: MyWorkspace; current: string; chosen: boolean }) {
  const { t } = useTranslation('workspaces');
  const toast = useToast();
  const [zone, setZone] = useState(current);
  const save = useSetTimeZone(workspace.id);
  const errors = formErrors(save.error, ['timeZone']);
  const canEdit = hasPermission(workspace, 'settings.manage');
  const submit = (value: string) => save.mutate(value, { onSuccess: () => toast(t('postingTimes.zoneSet', { zone: value })) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(zone);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="pt-zone" data-testid="workspace-time-zone">
      {!chosen ? (
        <Notice tone="warn" title={t('postingTimes.noZoneTitle')}>
          {t('postingTimes.noZone')}
          {browserZone !== current ? t('postingTimes.browserZone', { zone: browserZone }) : ''}
          {canEdit && browserZone !== current ? (
            <>
              {' '}
              <button type="button" className="btn btn-sm" onClick={() => submit(browserZone)} disabled={save.isPending}>
                {t('postingTimes.useZone', { zone: browserZone })}
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}
      <div className="pt-zone-row">
        <SelectField label={t('postingTimes.zoneLabel')} value={zone} onChange={(e) => setZone(e.target.value)} disabled={!canEdit} error={errors.field('timeZone')}>
          {allZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        {canEdit ? (
          <button className="btn btn-primary" disabled={save.isPending || zone === current}>
            {save.isPending ? t('postingTimes.saving') : t('postingTimes.saveZone')}
          </button>
        ) : null}
      </div>
      <FormError message={errors.general} />
    </form>
  );
}

function ChannelPostingTimes({ workspace, channel, timeZone }: { workspace: MyWorkspace; channel: Channel; timeZone: string }) {
  const { t } = useTranslation('workspaces');
  const stored = useChannelSlots(workspace.id, channel.id);
  const upcoming = useUpcomingSlots(workspace.id, channel.id);
  const save = useSetChannelSlots(workspace.id, channel.id);
  const toast = useToast();
  const canEdit = hasPermission(workspace, 'channels.manage');
  const [edited, setEdited] = useState<WeeklySlot[] | null>(null);
  const [time, setTime] = useState('09:00');
  const [days, setDays] = useState<number[]>([0, 1, 2, 3, 4]);
  const slots = edited ?? stored.data?.slots ?? [];
  const dirty = edited !== null && !sameSlots(sorted(edited), stored.data?.slots ?? []);
  const errors = formErrors(save.error, ['slots']);
  const name = channel.displayName ?? channel.username ?? channel.network;
  const when = useMemo(() => new Intl.DateTimeFormat(formatLocale(), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }), [timeZone]);

  const add = () => {
    if (!time || !days.length) return;
    const minute = minuteOf(time);
    const next = [...slots, ...days.map((weekday) => ({ weekday, minute }))];
    setEdited(sorted([...new Map(next.map((s) => [`${s.weekday}:${s.minute}`, s])).values()]));
  };
  const remove = (slot: WeeklySlot) => setEdited(slots.filter((s) => s.weekday !== slot.weekday || s.minute !== slot.minute));
  const toggleDay = (weekday: number) => setDays((list) => (list.includes(weekday) ? list.filter((d) => d !== weekday) : [...list, weekday].sort()));
  const onSave = () =>
    save.mutate(slots, {
      onSuccess: (answer) => {
        setEdited(null);
        toast(t('postingTimes.saved', { name, count: answer.slots.length }));
      },
    });

  return (
    <li className="pt-channel" data-testid="posting-times-channel" aria-label={t('postingTimes.channelLabel', { name })}>
      <div className="pt-channel-head">
        <Avatar name={name} src={channel.avatar} size="sm" />
        <h3>{name}</h3>
        <span className="muted small">{t('postingTimes.perWeek', { count: slots.length })}</span>
      </div>
      <div className="pt-week">
        {WEEKDAYS.map((weekday) => {
          const times = slots.filter((s) => s.weekday === weekday);
          return (
            <div key={weekday} className="pt-day">
              <span className="pt-day-name">{weekdayName(weekday + 1, 'short')}</span>
              <span className="pt-times">
                {times.length ? (
                  times.map((slot) => (
                    <span key={slot.minute} className="pt-time">
                      {clock(slot.minute)}
                      {canEdit ? (
                        <button type="button" className="pt-remove" aria-label={t('postingTimes.remove', { time: clock(slot.minute), day: weekdayName(weekday + 1) })} onClick={() => remove(slot)}>
                          ×
                        </button>
                      ) : null}
                    </span>
                  ))
                ) : (
                  <span className="muted small">{t('postingTimes.none')}</span>
                )}
              </span>
            </div>
          );
        })}
      </div>
      {canEdit ? (
        <div className="pt-add" role="group" aria-label={t('postingTimes.addLabel', { name })}>
          <label className="pt-add-time">
            {t('postingTimes.time')}
            <input type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
          </label>
          <span className="pt-add-days">
            {WEEKDAYS.map((weekday) => (
              <label key={weekday} className={days.includes(weekday) ? 'pt-day-toggle is-on' : 'pt-day-toggle'}>
                <input type="checkbox" checked={days.includes(weekday)} onChange={() => toggleDay(weekday)} aria-label={weekdayName(weekday + 1)} />
                {weekdayName(weekday + 1, 'short')}
              </label>
            ))}
          </span>
          <button type="button" className="btn" onClick={add} disabled={!time || !days.length}>
            {t('postingTimes.add')}
          </button>
        </div>
      ) : null}
      <FormError message={errors.field('slots') ?? errors.general} />
      {dirty ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onSave} disabled={save.isPending}>
            {save.isPending ? t('postingTimes.saving') : t('postingTimes.save')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setEdited(null)} disabled={save.isPending}>
            {t('postingTimes.discard')}
          </button>
        </div>
      ) : null}
      {!dirty && upcoming.data ? (
        <p className="small pt-upcoming" data-testid="upcoming-slots">
          {upcoming.data.items.length ? (
            <>
              {t('postingTimes.nextFree', { times: upcoming.data.items.map((at) => when.format(new Date(at))).join(' · ') })} <span className="muted">({timeZone.replaceAll('_', ' ')})</span>
            </>
          ) : (
            <span className="muted">{t('postingTimes.noneFree')}</span>
          )}
        </p>
      ) : null}
    </li>
  );
}
