import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useMarkRead, useNotifications } from './notifications.api.ts';
import './notifications.css';

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const list = useNotifications();
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // The newest page's count: refetched with every page after a change, so they all agree.
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <div className="page">
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <section className="card" aria-labelledby="notifications-title">
        <div className="card-head">
          <h2 id="notifications-title">{unreadCount ? t('page.unread', { count: unreadCount }) : t('page.allRead')}</h2>
          {unreadCount ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>
              {t('page.markAllRead')}
            </button>
          ) : null}
        </div>
        <FormError message={formErrors(list.error ?? markRead.error, []).general} />
        {list.isPending ? <Loading label={t('page.loading')} /> : null}
        {list.data && items.length === 0 ? <EmptyState title={t('page.empty.title')}>{t('page.empty.body')}</EmptyState> : null}
        <ul className="rows" aria-label={t('page.title')}>
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'row row-muted' : 'row'} data-testid="notification">
              <div className="row-main">
                <div className="row-title">
                  {n.readAt ? null : <span className="badge status-needs_reauth">{t('page.new')}</span>} {n.title}
                </div>
                <div className="row-sub notification-body">{n.body}</div>
                <div className="row-sub">{formatDateTime(n.createdAt)}</div>
              </div>
              {n.link ? (
                <Link className="btn btn-ghost btn-sm" to={n.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                  {t('page.open')}
                </Link>
              ) : null}
              {n.readAt ? null : (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => markRead.mutate(n.id)}>
                  {t('page.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <button type="button" className="btn btn-block" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t('page.loadingMore') : t('page.more')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
