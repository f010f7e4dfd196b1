import type { BestTimes } from './best-times.api.ts';
import { hourLabel, isoWeekdays } from './best-times.model.ts';

// The weekday × hour heat grid: a real table (weekdays as columns, hours as rows, so it stays
// narrow enough for a phone), each cell saying its score in words as well as in colour.

/** Four steps of colour; the text in each cell carries the same information. */
const levelOf = (score: number) => (score >= 1.5 ? 3 : score >= 1.15 ? 2 : score >= 0.85 ? 1 : 0);
const levelNames = ['well below average', 'about average', 'above average', 'well above average'];

export function BestTimesGrid({ answer }: { answer: BestTimes }) {
  if (!answer.grid.length) return null;
  const cells = new Map(answer.grid.map((g) => [`${g.weekday}:${g.hour}`, g]));
  // Only the span of hours that had posts: 24 mostly empty rows would hide the pattern.
  const hours = answer.grid.map((g) => g.hour);
  const rows = Array.from({ length: Math.max(...hours) - Math.min(...hours) + 1 }, (_, i) => Math.min(...hours) + i);
  const zone = answer.timeZone.replaceAll('_', ' ');
  return (
    <div className="bt-grid-wrap">
      <table className="bt-grid" data-testid="best-times-grid">
        <caption>Engagement by weekday and hour ({zone} time)</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Hour</span>
            </th>
            {isoWeekdays.map((day) => (
              <th key={day} scope="col" abbr={day}>
                {day.slice(0, 3)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((hour) => (
            <tr key={hour}>
              <th scope="row">{hourLabel(hour)}</th>
              {isoWeekdays.map((day, i) => {
                const cell = cells.get(`${i + 1}:${hour}`);
                if (!cell) {
                  return (
                    <td key={day} className="bt-empty">
                      <span aria-hidden="true">·</span>
                      <span className="visually-hidden">no posts</span>
                    </td>
                  );
                }
                const level = levelOf(cell.score);
                return (
                  <td key={day} className={`bt-level-${level}`} title={`${day} ${hourLabel(hour)}: ${cell.score.toFixed(1)}× average, ${levelNames[level]}, ${cell.posts} post${cell.posts === 1 ? '' : 's'}`}>
                    {cell.score.toFixed(1)}×<span className="visually-hidden">, {cell.posts} post{cell.posts === 1 ? '' : 's'}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bt-legend small muted">
        <span>1.0× = the average post</span>
        {levelNames.map((name, level) => (
          <span key={name} aria-hidden="true">
            <span className={`bt-swatch bt-level-${level}`} /> {name}
          </span>
        ))}
      </p>
    </div>
  );
}
