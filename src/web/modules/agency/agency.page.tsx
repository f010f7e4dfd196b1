import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedInUser } from '../auth/require-user.tsx';
import { AnalyticsDashboard } from '../analytics/analytics-dashboard.tsx';
import { AgencyAttention } from './agency-attention.tsx';
import { AgencyCalendar } from './agency-calendar.tsx';
import { useAgencyAttention } from './agency.api.ts';
import './agency.css';

/** All workspaces: one calendar over them, and what needs attention in each. */
export function AgencyPage() {
  const { t } = useTranslation('agency');
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const tab = params.get('tab') === 'attention' ? 'attention' : params.get('tab') === 'analytics' ? 'analytics' : 'calendar';
  const total = useAgencyAttention().data?.total ?? 0;
  return (
    <div className="page page-wide cal-page agency-page">
      <PageHeader title={t('page.title')} description={t('page.description', { count: me.workspaces.length })} />
      <nav className="cal-views agency-tabs" aria-label={t('page.title')}>
        <Link to="/agency" className="cal-view-button" aria-current={tab === 'calendar' ? 'page' : undefined}>
          {t('page.tabs.calendar')}
        </Link>
        <Link to="/agency?tab=attention" className="cal-view-button" aria-current={tab === 'attention' ? 'page' : undefined}>
          {t('page.tabs.attention')}
          {total ? (
            <span className="nav-count nav-count-alert" data-testid="agency-attention-count">
              {total}
            </span>
          ) : null}
        </Link>
        <Link to="/agency?tab=analytics" className="cal-view-button" aria-current={tab === 'analytics' ? 'page' : undefined}>
          {t('page.tabs.analytics')}
        </Link>
      </nav>
      {tab === 'calendar' ? <AgencyCalendar /> : tab === 'attention' ? <AgencyAttention /> : <AnalyticsDashboard scope={{ workspaceId: null }} />}
    </div>
  );
}
