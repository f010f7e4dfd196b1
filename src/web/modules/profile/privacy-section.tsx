import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, formatFileSize } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useDataExports, useRequestDataExport, type DataExport } from './privacy.api.ts';

const statusLabel: Record<DataExport['status'], string> = {
  queued: 'Waiting to start',
  building: 'Being prepared',
  ready: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};

const formatSize = (bytes: number | null) => (bytes === null ? '' : formatFileSize(bytes));

/** "Your data": the archive of everything Herald keeps about the signed-in person. */
export function PrivacySection() {
  const toast = useToast();
  const exports = useDataExports();
  const request = useRequestDataExport();
  const items = exports.data?.pages.flatMap((page) => page.items) ?? [];
  const running = items.some((e) => e.status === 'queued' || e.status === 'building');

  return (
    <section className="card" aria-labelledby="privacy-title">
      <div className="card-head">
        <div>
          <h2 id="privacy-title">Your data</h2>
          <p className="muted small">
            Get a ZIP archive of everything Herald keeps about you: your profile and picture, workspaces, connected channels (without their access tokens), the
            posts you wrote, the files you uploaded, the statistics of your workspaces' posts, and the logs of what you did. It is prepared in the background; the download link then works for a limited time.
          </p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="request-data-export"
          disabled={running || request.isPending}
          onClick={() => request.mutate(undefined, { onSuccess: () => toast('Your archive is being prepared.') })}
        >
          Download all my data
        </button>
      </div>
      <FormError message={formErrors(exports.error ?? request.error, []).general} />
      {exports.isPending ? <Loading label="Loading your exports…" /> : null}
      {items.length ? (
        <ul className="rows" aria-label="Data exports" data-testid="data-export-list">
          {items.map((e) => (
            <li key={e.id} className="row" data-testid="data-export-row">
              <div className="row-main">
                <div className="row-title">
                  Requested {formatDateTime(e.createdAt)} <span className="tag">{statusLabel[e.status]}</span>
                </div>
                <div className="row-sub">
                  {e.status === 'queued' || e.status === 'building' ? (
                    <progress max={100} value={e.progress} aria-label="Export progress">
                      {e.progress}%
                    </progress>
                  ) : null}
                  {e.downloadUrl && e.expiresAt ? `${formatSize(e.size)} · link expires ${formatDateTime(e.expiresAt)}` : null}
                  {e.downloadedAt && e.status === 'ready' ? ` · downloaded ${formatDateTime(e.downloadedAt)}` : null}
                  {e.status === 'failed' ? (e.error ?? 'The archive could not be prepared; try again.') : null}
                  {e.status === 'expired' ? 'The link has expired and the archive was deleted.' : null}
                </div>
              </div>
              {e.downloadUrl ? (
                <a className="btn btn-sm" href={e.downloadUrl} download data-testid="data-export-download">
                  Download
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {exports.hasNextPage ? (
        <button type="button" className="btn btn-small" disabled={exports.isFetchingNextPage} onClick={() => void exports.fetchNextPage()} data-testid="data-export-more">
          {exports.isFetchingNextPage ? 'Loading…' : 'Show older exports'}
        </button>
      ) : null}
    </section>
  );
}
