import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { AnalyticsDashboard } from './analytics-dashboard.tsx';

/** A workspace's analytics: how its published posts did, per channel and over time. */
export function AnalyticsPage() {
  const { workspaceId } = useParams();
  return (
    <div className="page page-wide">
      <PageHeader title="Analytics" description="How your published posts did: counters as each network reports them, days in the workspace's time zone." />
      <AnalyticsDashboard scope={{ workspaceId: workspaceId! }} />
    </div>
  );
}
