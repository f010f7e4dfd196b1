import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCompactDateTime, relativeTime, roleLabel } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useAgencyAttention, type AttentionGroup, type AttentionItem } from './agency.api.ts';

const kindWords: Record<AttentionItem['kind'], { label: string; tone: string }> = {
  delivery_failed: { label: 'Failed', tone: 'failed' },
  delivery_unconfirmed: { label: 'Unconfirmed', tone: 'unconfirmed' },
  channel_reconnect: { label: 'Reconnect', tone: 'failed' },
  channel_expiring: { label: 'Expiring', tone: 'unconfirmed' },
  in_review: { label: 'In review', tone: 'scheduled' },
  review_overdue: { label: 'Review overdue', tone: 'failed' },
  draft_due_soon: { label: 'Draft due soon', tone: 'draft' },
};

const countWords: { key: keyof AttentionGroup['counts']; one: string; many: string }[] = [
  { key: 'failed', one: 'failed delivery', many: 'failed deliveries' },
  { key: 'unconfirmed', one: 'unconfirmed', many: 'unconfirmed' },
  { key: 'channels', one: 'channel to reconnect', many: 'channels to reconnect' },
  { key: 'reviewOverdue', one: 'review overdue', many: 'reviews overdue' },
  { key: 'inReview', one: 'to review', many: 'to review' },
  { key: 'draftsDueSoon', one: 'draft due soon', many: 'drafts due soon' },
];

function WorkspaceCard({ group }: { group: AttentionGroup }) {
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
          {counts.total ? `${counts.total} to look at` : 'All clear'}
        </span>
      </header>
      {counts.total ? (
        <p className="agency-counts">
          {countWords
            .filter(({ key }) => counts[key])
            .map(({ key, one, many }) => (
              <span key={key} className="agency-count">
                <strong>{counts[key]}</strong> {counts[key] === 1 ? one : many}
              </span>
            ))}
        </p>
      ) : (
        <p className="muted small agency-clear">Nothing failed, no channel needs reconnecting and nothing waits for you.</p>
      )}
      {items.length ? (
        <ul className="agency-items">
          {items.map((item) => {
            const words = kindWords[item.kind];
            return (
              <li key={`${item.kind}-${item.postId ?? ''}-${item.channelId ?? ''}`} className="agency-item" data-testid="attention-entry" data-kind={item.kind}>
                <span className={`cal-badge state-${words.tone}`}>{words.label}</span>
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
          Open {workspace.name}
        </Link>
      </footer>
    </section>
  );
}

/** A card per workspace: what failed, which channels to reconnect, what waits for a review or a time. */
export function AgencyAttention() {
  const attention = useAgencyAttention();
  if (attention.isPending) return <Loading label="Looking at every workspace…" />;
  if (attention.isError) return <FormError message={formErrors(attention.error, []).general} />;
  const groups = [...attention.data.workspaces].sort((a, b) => Number(b.counts.total > 0) - Number(a.counts.total > 0));
  if (!groups.length) {
    return (
      <div className="card">
        <EmptyState title="No workspace to look at">Workspaces where you may read posts show here.</EmptyState>
      </div>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {attention.data.total ? `${attention.data.total} things need attention` : 'All clear in every workspace.'}
      </p>
      <div className="agency-cards">
        {groups.map((group) => (
          <WorkspaceCard key={group.workspace.id} group={group} />
        ))}
      </div>
    </>
  );
}
