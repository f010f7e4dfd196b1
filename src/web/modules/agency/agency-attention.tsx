import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCompactDateTime, relativeTime, roleLabel } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useAgencyAttention, type AttentionGroup, type AttentionItem } from './agency.api.ts';

// Each kind is named by `attention.kinds.<kind>`; the tone is its badge colour.
const kindTones: Record<AttentionItem['kind'], string> = {
  delivery_failed: 'failed',
  delivery_unconfirmed: 'unconfirmed',
  channel_reconnect: 'failed',
  channel_expiring: 'unconfirmed',
  in_review: 'scheduled',
  review_overdue: 'failed',
  draft_due_soon: 'draft',
};

// In this order, each read by `attention.counts.<key>` with its count.
const countKeys: (keyof AttentionGroup['counts'])[] = ['failed', 'unconfirmed', 'channels', 'reviewOverdue', 'inReview', 'draftsDueSoon'];

function WorkspaceCard({ group }: { group: AttentionGroup }) {
  const { t } = useTranslation('agency');
  const { workspace, counts, items } = group;
  const headingId = `attention-${workspace.id}`;
  return (
    <section className="card agency-card" style={{ '--ws': workspace.colour } as CSSProperties} aria-labelledby={headingId} data-testid="attention-workspace" data-workspace-id={workspace.id}>
      <header className="agency-card-head">
        <div className="agency-card-title">
          <h2 id={headingId}>
            <span className="cal-ws-mark" aria-hidden="true" />
            {workspace.name}
          </h2>
          <span className="muted small">{roleLabel(workspace.role)}</span>
        </div>
        <span className={`agency-total${counts.total ? '' : ' is-clear'}`} data-testid="attention-total">
          {counts.total ? t('attention.toLookAt', { count: counts.total }) : t('attention.allClear')}
        </span>
      </header>
      {counts.total ? (
        <p className="agency-counts">
          {countKeys
            .filter((key) => counts[key])
            .map((key) => (
              <span key={key} className="agency-count">
                <strong>{counts[key]}</strong> {t(`attention.counts.${key}`, { count: counts[key] })}
              </span>
            ))}
        </p>
      ) : (
        <p className="muted small agency-clear">{t('attention.clearBody')}</p>
      )}
      {items.length ? (
        <ul className="agency-items">
          {items.map((item) => {
            const tone = kindTones[item.kind];
            return (
              <li key={`${item.kind}-${item.postId ?? ''}-${item.channelId ?? ''}`} className="agency-item" data-testid="attention-entry" data-kind={item.kind}>
                <span className={`cal-badge state-${tone}`}>{t(`attention.kinds.${item.kind}`)}</span>
                <div className="agency-item-main">
                  <Link to={item.href} className="agency-item-link">
                    {item.title}
                  </Link>
                  <span className="agency-item-sub">
                    {item.detail}
                    {item.at ? (
                      <>
                        {' · '}
                        <time dateTime={item.at} title={formatCompactDateTime(item.at)}>
                          {relativeTime(item.at)}
                        </time>
                      </>
                    ) : null}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <footer className="agency-card-foot">
        <Link to={`/w/${workspace.id}/calendar`} className="btn btn-sm btn-ghost">
          {t('attention.open', { workspace: workspace.name })}
        </Link>
      </footer>
    </section>
  );
}

/** A card per workspace: what failed, which channels to reconnect, what waits for a review or a time. */
export function AgencyAttention() {
  const { t } = useTranslation('agency');
  const attention = useAgencyAttention();
  if (attention.isPending) return <Loading label={t('attention.loading')} />;
  if (attention.isError) return <FormError message={formErrors(attention.error, []).general} />;
  const groups = [...attention.data.workspaces].sort((a, b) => Number(b.counts.total > 0) - Number(a.counts.total > 0));
  if (!groups.length) {
    return (
      <div className="card">
        <EmptyState title={t('attention.empty.title')}>{t('attention.empty.body')}</EmptyState>
      </div>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {attention.data.total ? t('attention.status', { count: attention.data.total }) : t('attention.statusClear')}
      </p>
      <div className="agency-cards">
        {groups.map((group) => (
          <WorkspaceCard key={group.workspace.id} group={group} />
        ))}
      </div>
    </>
  );
}
