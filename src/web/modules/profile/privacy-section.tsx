import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, formatFileSize } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useDataExports, useRequestDataExport, type DataExport } from './privacy.api.ts';

const formatSize = (bytes: number | null) => (bytes === null ? '' : formatFileSize(bytes));

/** "Your data": the archive of everything Herald keeps about the signed-in person. */
export function PrivacySection() {
  const { t } = useTranslation('profile');
  const statusLabel = (status: DataExport['status']) => t(`privacy.status.${status}`);
  const toast = useToast();
  const exports = useDataExports();
  const request = useRequestDataExport();
  const items = exports.data?.pages.flatMap((page) => page.items) ?? [];
  const running = items.some((e) => e.status === 'queued' || e.status === 'building');

  return (
    <section className="card" aria-labelledby="privacy-title">
      <div className="card-head">
        <div>
          <h2 id="privacy-title">{t('privacy.title')}</h2>
          <p className="muted small">{t('privacy.description')}</p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="request-data-export"
          disabled={running || request.isPending}
          onClick={() => request.mutate(undefined, { onSuccess: () => toast(t('privacy.preparing')) })}
        >
          {t('privacy.request')}
        </button>
      </div>
      <FormError message={formErrors(exports.error ?? request.error, []).general} />
      {exports.isPending ? <Loading label={t('privacy.loading')} /> : null}
      {items.length ? (
        <ul className="rows" aria-label={t('privacy.listLabel')} data-testid="data-export-list">
          {items.map((e) => (
            <li key={e.id} className="row" data-testid="data-export-row">
              <div className="row-main">
                <div className="row-title">
                  {t('privacy.requested', { date: formatDateTime(e.createdAt) })} <span className="tag">{statusLabel(e.status)}</span>
                </div>
                <div className="row-sub">
                  {e.status === 'queued' || e.status === 'building' ? (
                    <progress max={100} value={e.progress} aria-label={t('privacy.progress')}>
                      {e.progress}%
                    </progress>
                  ) : null}
                  {e.downloadUrl && e.expiresAt ? t('privacy.linkExpires', { size: formatSize(e.size), date: formatDateTime(e.expiresAt) }) : null}
                  {e.downloadedAt && e.status === 'ready' ? t('privacy.downloaded', { date: formatDateTime(e.downloadedAt) }) : null}
                  {e.status === 'failed' ? (e.error ?? t('privacy.failed')) : null}
                  {e.status === 'expired' ? t('privacy.expired') : null}
                </div>
              </div>
              {e.downloadUrl ? (
                <a className="btn btn-sm" href={e.downloadUrl} download data-testid="data-export-download">
                  {t('privacy.download')}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {exports.hasNextPage ? (
        <button type="button" className="btn btn-small" disabled={exports.isFetchingNextPage} onClick={() => void exports.fetchNextPage()} data-testid="data-export-more">
          {exports.isFetchingNextPage ? t('privacy.loadingMore') : t('privacy.older')}
        </button>
      ) : null}
    </section>
  );
}
