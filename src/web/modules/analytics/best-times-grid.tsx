import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import type { BestTimes } from './best-times.api.ts';
import { hourLabel, isoWeekdays, weekdayName } from './best-times.model.ts';

// The weekday × hour heat grid: a real table (weekdays as columns, hours as rows, so it stays
// narrow enough for a phone), each cell saying its score in words as well as in colour.

/** Four steps of colour; the text in each cell carries the same information. */
const levelOf = (score: number) => (score >= 1.5 ? 3 : score >= 1.15 ? 2 : score >= 0.85 ? 1 : 0);
const levels = [0, 1, 2, 3] as const;
const score = (value: number) => value.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function BestTimesGrid({ answer }: { answer: BestTimes }) {
  const { t } = useTranslation('analytics');
  if (!answer.grid.length) return null;
  const cells = new Map(answer.grid.map((g) => [`${g.weekday}:${g.hour}`, g]));
  // Only the span of hours that had posts: 24 mostly empty rows would hide the pattern.
  const hours = answer.grid.map((g) => g.hour);
  const rows = Array.from({ length: Math.max(...hours) - Math.min(...hours) + 1 }, (_, i) => Math.min(...hours) + i);
  const zone = answer.timeZone.replaceAll('_', ' ');
  return (
    <div className="bt-grid-wrap">
      <table className="bt-grid" data-testid="best-times-grid">
        <caption>{t('bestTimes.grid.caption', { zone })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('bestTimes.grid.hour')}</span>
            </th>
            {isoWeekdays.map((day) => (
              <th key={day} scope="col" abbr={weekdayName(day)}>
                {weekdayName(day, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((hour) => (
            <tr key={hour}>
              <th scope="row">{hourLabel(hour)}</th>
              {isoWeekdays.map((day) => {
                const cell = cells.get(`${day}:${hour}`);
                if (!cell) {
                  return (
                    <td key={day} className="bt-empty">
                      <span aria-hidden="true">·</span>
                      <span className="visually-hidden">{t('bestTimes.grid.noPosts')}</span>
                    </td>
                  );
                }
                const level = levelOf(cell.score);
                return (
                  <td
                    key={day}
                    className={`bt-level-${level}`}
                    title={t('bestTimes.grid.cellTitle', { day: weekdayName(day), hour: hourLabel(hour), score: score(cell.score), level: t(`bestTimes.grid.levels.${level}`), count: cell.posts })}
                  >
                    {t('bestTimes.grid.score', { score: score(cell.score) })}
                    <span className="visually-hidden">{t('bestTimes.grid.cellPosts', { count: cell.posts })}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bt-legend small muted">
        <span>{t('bestTimes.grid.average', { score: score(1) })}</span>
        {levels.map((level) => (
          <span key={level} aria-hidden="true">
            <span className={`bt-swatch bt-level-${level}`} /> {t(`bestTimes.grid.levels.${level}`)}
          </span>
        ))}
      </p>
    </div>
  );
}
