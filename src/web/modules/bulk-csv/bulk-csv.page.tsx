import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCount, formatDateTime } from '../../components/format.ts';
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
      return setTooLarge(`${chosen.name} is ${(chosen.size / 1_000_000).toFixed(1)} MB; a file may be at most 5 MB. Split it into smaller files.`);
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
        toast(`${formatCount(answer.imported.length)} post${answer.imported.length === 1 ? '' : 's'} scheduled.`);
      },
    });
  }

  const rows = result ? (onlyProblems ? result.rows.filter((r) => r.status === 'invalid') : result.rows) : [];
  const busy = preview.isPending || importer.isPending;

  return (
    <div className="page bulk-page">
      <PageHeader
        title="Bulk import"
        description={
          <>
            Schedule many posts at once from a spreadsheet saved as CSV: one row per post with its text, channels, date and time. Every row is checked against each of its channels’
            rules before anything is saved.
          </>
        }
        actions={
          <>
            <a className="btn" href={templateUrl(workspace.id)} download data-testid="bulk-template">
              Download template
            </a>
            <a className="btn" href={exportUrl(workspace.id)} download data-testid="bulk-export">
              Export scheduled posts
            </a>
          </>
        }
      />

      <section className="card bulk-choose">
        <h2 className="card-title">1. Choose a CSV file</h2>
        <p className="muted">
          Start from the template: it names every column and shows both ways to give a time. Separate several channels or media with “;”. UTF-8, up to 10,000 rows and 5 MB.
        </p>
        <label className="bulk-file">
          <input ref={input} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} data-testid="bulk-file" />
          <span className="btn btn-primary">{file ? 'Choose another file' : 'Choose file'}</span>
          <span className="bulk-file-name">{file?.name ?? 'No file chosen'}</span>
        </label>
      </section>

      <FormError message={error} />
      {preview.isPending ? <Loading label="Checking every row…" /> : null}

      {imported !== null ? (
        <Notice tone="success" title={`${formatCount(imported)} post${imported === 1 ? '' : 's'} scheduled`}>
          They are on the <Link to={`/w/${workspace.id}/calendar`}>calendar</Link> and in the channels’ <Link to={`/w/${workspace.id}/queue`}>queues</Link>.
          {result && result.invalid > 0 ? ` ${formatCount(result.invalid)} row${result.invalid === 1 ? ' was' : 's were'} not imported: fix them in the errors file and import it again.` : ''}
        </Notice>
      ) : null}

      {result ? (
        <section className="card" aria-labelledby="bulk-check-title" data-testid="bulk-preview">
          <div className="bulk-summary">
            <div>
              <h2 className="card-title" id="bulk-check-title">
                {imported === null ? '2. Check the rows' : 'Rows of the file'}
              </h2>
              <p className="bulk-counts" data-testid="bulk-counts">
                {formatCount(result.total)} rows: <span className="bulk-ok">{formatCount(result.valid)} {imported === null ? 'ready' : 'scheduled'}</span>
                {result.invalid ? (
                  <>
                    , <span className="bulk-bad">{formatCount(result.invalid)} with problems</span>
                  </>
                ) : null}
              </p>
            </div>
            <div className="bulk-actions">
              {errorsUrl ? (
                <a className="btn" href={errorsUrl} download={`${file?.name.replace(/\.csv$/i, '') ?? 'posts'}-errors.csv`} data-testid="bulk-errors-csv">
                  Download errors (CSV)
                </a>
              ) : null}
              {imported === null && canSchedule ? (
                <button type="button" className="btn btn-primary" disabled={busy || result.valid === 0} onClick={runImport} data-testid="bulk-import">
                  {importer.isPending ? 'Scheduling…' : `Schedule ${formatCount(result.valid)} valid row${result.valid === 1 ? '' : 's'}`}
                </button>
              ) : null}
            </div>
          </div>
          {!canSchedule ? <p className="muted">Your role can check a file but not schedule posts; an editor or admin imports it.</p> : null}
          {result.invalid > 0 && result.valid > 0 ? (
            <div className="bulk-views" role="group" aria-label="Rows shown">
              <button type="button" aria-pressed={onlyProblems} onClick={() => setOnlyProblems(true)}>
                Problems ({formatCount(result.invalid)})
              </button>
              <button type="button" aria-pressed={!onlyProblems} onClick={() => setOnlyProblems(false)}>
                All rows
              </button>
            </div>
          ) : null}
          <RowsTable rows={rows.slice(0, SHOWN_ROWS)} />
          {rows.length > SHOWN_ROWS ? <p className="muted">Showing the first {SHOWN_ROWS} of {formatCount(rows.length)} rows{result.invalid ? '; the errors file lists every problem' : ''}.</p> : null}
        </section>
      ) : null}
    </div>
  );
}

function RowsTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <table className="table bulk-table" data-testid="bulk-rows">
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Post</th>
          <th scope="col">Channels</th>
          <th scope="col">Time</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.row} className={row.status === 'invalid' ? 'bulk-row-bad' : undefined} data-testid="bulk-row" data-status={row.status}>
            <td data-label="Row">{row.row}</td>
            <td data-label="Post" className="bulk-text">
              {row.text ? excerpt(row.text) : <span className="muted">(no text)</span>}
            </td>
            <td data-label="Channels">{row.channels.join(', ') || '—'}</td>
            <td data-label="Time">{row.publishAt ? formatDateTime(row.publishAt) : '—'}</td>
            <td data-label="Check">
              {row.errors.length === 0 ? (
                <span className="badge badge-success">Ready</span>
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
