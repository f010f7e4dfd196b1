import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useChannels } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useNeedsAttention } from './posts.api.ts';
import { DeliveryActions } from './post-delivery-actions.tsx';
import { channelFacts, excerpt, formatInZone, StateBadge } from './post-state.tsx';
import './post.css';

/** Failed and unconfirmed deliveries, oldest due first, each with what can be done about it. */
export function AttentionPage() {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const attention = useNeedsAttention(workspace.id);
  const channels = useChannels(workspace.id).data?.items;
  const canAct = hasPermission(workspace, 'posts.schedule');
  const items = attention.data?.items ?? [];

  return (
    <div className="page attention-page">
      <PageHeader
        title={t('attention.title')}
        description={t('attention.description')}
      />
      <section className="card" aria-labelledby="attention-heading">
        <h2 id="attention-heading" className="visually-hidden">
          {t('attention.deliveries')}
        </h2>
        {attention.isPending ? <Loading /> : null}
        <FormError message={formErrors(attention.error, []).general} />
        <p className="visually-hidden" role="status" aria-live="polite">
          {attention.data ? (items.length ? t('attention.count', { count: items.length }) : t('attention.allClear')) : ''}
        </p>
        {attention.data && !items.length ? (
          <EmptyState
            title={t('attention.empty.title')}
            action={
              <Link to={`/w/${workspace.id}/calendar`} className="btn">
                {t('attention.empty.open')}
              </Link>
            }
          >
            {t('attention.empty.body')}
          </EmptyState>
        ) : null}
        {items.length ? (
          <ul className="rows attention-list">
            {items.map((d) => {
              const who = channelFacts(d, channels);
              const postUrl = `/w/${workspace.id}/posts/${d.postId}`;
              return (
                <li key={d.id} className="attention-item" data-testid="attention-item">
                  <div className="attention-head">
                    <Avatar name={who.name} src={who.avatar} size="sm" />
                    <h3 className="attention-who">
                      {who.name} <span className="row-sub-inline">{who.handle ? `${who.handle} · ` : ''}{who.network}</span>
                    </h3>
                    <StateBadge state={d.state} />
                  </div>
                  <p className="attention-text">
                    <Link to={postUrl}>{excerpt(d.content.text) || t('attention.noText')}</Link>
                  </p>
                  {d.dueAt ? (
                    <p className="muted small attention-due">
                      {t('post.time.due')} <time dateTime={d.dueAt}>{formatInZone(d.dueAt)}</time> ({relativeTime(d.dueAt)})
                    </p>
                  ) : null}
                  {d.errorMessage ? <p className={d.state === 'unconfirmed' ? 'delivery-problem is-unconfirmed' : 'delivery-problem'}>{d.errorMessage}</p> : null}
                  <div className="attention-actions">
                    {canAct ? <DeliveryActions workspaceId={workspace.id} postId={d.postId} delivery={d} channelName={who.name} offerResend={false} /> : null}
                    <Link to={postUrl} className="btn btn-sm btn-ghost">
                      {t('attention.open')}
                    </Link>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
