import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCount, formatDateTime } from '../../components/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { exportUrl, MAX_FILE_BYTES, templateUrl, useImportCsv, usePreviewCsv, type Preview, type PreviewRow } from './bulk-csv.api.ts';
import './bulk-csv.css';

/** Rows drawn at once: a 10,000-row file is summarised, its problems first. */
const SHOWN_ROWS = 200;
const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** A CSV text as a file the browser saves (the errors file, built by the server). */
function useDownloadUrl(text: string | null) {
  const url = useMemo(() => (text ? URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })) : null), [text]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** Bulk scheduling: a spreadsheet of posts checked row by row against every channel's rules, then scheduled in one go. */
export function BulkCsvPage() {
  const { t } = useTranslation('bulk-csv');
  const workspace = useWorkspace();
  const toast = useToast();
  const preview = usePreviewCsv(workspace.id);
  const importer = useImportCsv(workspace.id);
  const canSchedule = hasPermission(workspace, 'posts.schedule');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [result, setResult] = useState<Preview | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const errorsUrl = useDownloadUrl(result?.errorsCsv ?? null);
  const error = tooLarge ?? formErrors(preview.error ?? importer.error, []).general;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setResult(null);
    setImported(null);
    setTooLarge(null);
    preview.reset();
    importer.reset();
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_FILE_BYTES) {
      setFile(null);
      return setTooLarge(t('choose.tooLarge', { name: chosen.name, size: (chosen.size / 1_000_000).toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }));
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    preview.mutate(text, { onSuccess: (answer) => (setResult(answer), setOnlyProblems(answer.invalid > 0)) });
  }

  function runImport() {
    if (!file) return;
    importer.mutate(file.text, {
      onSuccess: (answer) => {
        setImported(answer.imported.length);
        setResult(answer);
        setOnlyProblems(answer.invalid > 0);
        toast(t('result.toast', { count: answer.imported.length, posts: formatCount(answer.imported.length) }));
      },
    });
  }

  const rows = result ? (onlyProblems ? result.rows.filter((r) => r.status === 'invalid') : result.rows) : [];
  const busy = preview.isPending || importer.isPending;

  return (
    <div className="page bulk-page">
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <>
            <a className="btn" href={templateUrl(workspace.id)} download data-testid="bulk-template">
              {t('page.template')}
            </a>
            <a className="btn" href={exportUrl(workspace.id)} download data-testid="bulk-export">
              {t('page.export')}
            </a>
          </>
        }
      />

      <section className="card bulk-choose">
        <h2 className="card-title">{t('choose.title')}</h2>
        <p className="muted">{t('choose.help', { rows: formatCount(10_000) })}</p>
        <label className="bulk-file">
          <input ref={input} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} data-testid="bulk-file" />
          <span className="btn btn-primary">{file ? t('choose.another') : t('choose.file')}</span>
          <span className="bulk-file-name">{file?.name ?? t('choose.none')}</span>
        </label>
      </section>

      <FormError message={error} />
      {preview.isPending ? <Loading label={t('choose.checking')} /> : null}

      {imported !== null ? (
        <Notice tone="success" title={t('result.title', { count: imported, posts: formatCount(imported) })}>
          <Trans t={t} i18nKey="result.where" components={{ calendar: <Link to={`/w/${workspace.id}/calendar`} />, queue: <Link to={`/w/${workspace.id}/queue`} /> }} />
          {result && result.invalid > 0 ? ` ${t('result.notImported', { count: result.invalid, rows: formatCount(result.invalid) })}` : ''}
        </Notice>
      ) : null}

      {result ? (
        <section className="card" aria-labelledby="bulk-check-title" data-testid="bulk-preview">
          <div className="bulk-summary">
            <div>
              <h2 className="card-title" id="bulk-check-title">
                {imported === null ? t('check.title') : t('check.titleAfter')}
              </h2>
              <p className="bulk-counts" data-testid="bulk-counts">
                <Trans
                  t={t}
                  i18nKey={imported === null ? 'check.countsReady' : 'check.countsScheduled'}
                  count={result.valid}
                  values={{ rows: t('check.rowCount', { count: result.total, rows: formatCount(result.total) }), valid: formatCount(result.valid) }}
                  components={{ ok: <span className="bulk-ok" /> }}
                />
                {result.invalid ? <Trans t={t} i18nKey="check.countsProblems" count={result.invalid} values={{ invalid: formatCount(result.invalid) }} components={{ bad: <span className="bulk-bad" /> }} /> : null}
              </p>
            </div>
            <div className="bulk-actions">
              {errorsUrl ? (
                <a className="btn" href={errorsUrl} download={`${file?.name.replace(/\.csv$/i, '') ?? 'posts'}-errors.csv`} data-testid="bulk-errors-csv">
                  {t('check.errorsCsv')}
                </a>
              ) : null}
              {imported === null && canSchedule ? (
                <button type="button" className="btn btn-primary" disabled={busy || result.valid === 0} onClick={runImport} data-testid="bulk-import">
                  {importer.isPending ? t('check.scheduling') : t('check.schedule', { count: result.valid, rows: formatCount(result.valid) })}
                </button>
              ) : null}
            </div>
          </div>
          {!canSchedule ? <p className="muted">{t('check.cannotSchedule')}</p> : null}
          {result.invalid > 0 && result.valid > 0 ? (
            <div className="bulk-views" role="group" aria-label={t('check.rowsShown')}>
              <button type="button" aria-pressed={onlyProblems} onClick={() => setOnlyProblems(true)}>
                {t('check.problems', { count: formatCount(result.invalid) })}
              </button>
              <button type="button" aria-pressed={!onlyProblems} onClick={() => setOnlyProblems(false)}>
                {t('check.allRows')}
              </button>
            </div>
          ) : null}
          <RowsTable rows={rows.slice(0, SHOWN_ROWS)} />
          {rows.length > SHOWN_ROWS ? (
            <p className="muted">{t(result.invalid ? 'check.showingWithErrors' : 'check.showing', { shown: formatCount(SHOWN_ROWS), rows: formatCount(rows.length) })}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function RowsTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation('bulk-csv');
  return (
    <table className="table bulk-table" data-testid="bulk-rows">
      <thead>
        <tr>
          <th scope="col">{t('rows.row')}</th>
          <th scope="col">{t('rows.post')}</th>
          <th scope="col">{t('rows.channels')}</th>
          <th scope="col">{t('rows.time')}</th>
          <th scope="col">{t('rows.check')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.row} className={row.status === 'invalid' ? 'bulk-row-bad' : undefined} data-testid="bulk-row" data-status={row.status}>
            <td data-label={t('rows.row')}>{row.row}</td>
            <td data-label={t('rows.post')} className="bulk-text">
              {row.text ? excerpt(row.text) : <span className="muted">{t('rows.noText')}</span>}
            </td>
            <td data-label={t('rows.channels')}>{row.channels.join(', ') || '—'}</td>
            <td data-label={t('rows.time')} className="bulk-time">{row.publishAt ? formatDateTime(row.publishAt) : '—'}</td>
            <td data-label={t('rows.check')}>
              {row.errors.length === 0 ? (
                <span className="badge badge-success">{t('rows.ready')}</span>
              ) : (
                <ul className="bulk-errors">
                  {row.errors.map((e, i) => (
                    <li key={i}>
                      <code>{e.field}</code> {e.reason}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
