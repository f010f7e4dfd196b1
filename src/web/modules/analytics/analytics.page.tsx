import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { AnalyticsDashboard } from './analytics-dashboard.tsx';

/** A workspace's analytics: how its published posts did, per channel and over time. */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const { workspaceId } = useParams();
  return (
    <div className="page page-wide">
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <AnalyticsDashboard scope={{ workspaceId: workspaceId! }} />
    </div>
  );
}
