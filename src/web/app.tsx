import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/shell.tsx';
import { FullPageMessage } from './components/status.tsx';
import { AgencyPage } from './modules/agency/agency.page.tsx';
import { AdminPage } from './modules/admin/admin.page.tsx';
import { ActivityPage } from './modules/activity/activity.page.tsx';
import { AnalyticsPage } from './modules/analytics/analytics.page.tsx';
import { ForgotPasswordPage } from './modules/auth/forgot-password.page.tsx';
import { LoginPage } from './modules/auth/login.page.tsx';
import { RequireUser } from './modules/auth/require-user.tsx';
import { ResetPasswordPage } from './modules/auth/reset-password.page.tsx';
import { SignupPage } from './modules/auth/signup.page.tsx';
import { DevelopersPage } from './modules/developers/developers.page.tsx';
import { ChannelsPage } from './modules/channels/channels.page.tsx';
import { AttentionPage } from './modules/posts/attention.page.tsx';
import { DraftsPage } from './modules/posts/drafts.page.tsx';
import { IdeasPage } from './modules/ideas/ideas.page.tsx';
import { FeedsPage } from './modules/feeds/feeds.page.tsx';
import { BulkCsvPage } from './modules/bulk-csv/bulk-csv.page.tsx';
import { SnippetsPage } from './modules/snippets/snippets.page.tsx';
import { MediaLibraryPage } from './modules/media-library/media-library.page.tsx';
import { CalendarPage } from './modules/posts/calendar.page.tsx';
import { ComposerPage } from './modules/posts/composer.page.tsx';
import { PostPage } from './modules/posts/post.page.tsx';
import { InvitationPage } from './modules/invitations/invitation.page.tsx';
import { MembersPage } from './modules/members/members.page.tsx';
import { ProfilePage } from './modules/profile/profile.page.tsx';
import { NotificationsPage } from './modules/notifications/notifications.page.tsx';
import { OnboardingPage } from './modules/onboarding/onboarding.page.tsx';
import { QueuePage } from './modules/queue/queue.page.tsx';
import { HomeRedirect } from './modules/workspaces/home-redirect.tsx';
import { NewWorkspacePage } from './modules/workspaces/new-workspace.page.tsx';
import { SettingsPage } from './modules/workspaces/settings.page.tsx';
import { ReviewLinkPage } from './modules/approvals/review.page.tsx';
import { RequirePermission, WorkspaceRoute } from './modules/workspaces/workspace-route.tsx';
import { ReportPage } from './modules/analytics/report.page.tsx';

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <FullPageMessage title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="btn btn-primary btn-block">
        {t('notFound.home')}
      </Link>
    </FullPageMessage>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invite/:invitationId" element={<InvitationPage />} />
      <Route path="/review/:token" element={<ReviewLinkPage />} />
      <Route element={<RequireUser />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<Shell />}>
          <Route path="/new-workspace" element={<NewWorkspacePage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/agency" element={<AgencyPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/w/:workspaceId" element={<WorkspaceRoute />}>
            <Route index element={<Navigate to="calendar" replace />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="channels" element={<ChannelsPage />} />
            <Route path="calendar" element={<CalendarPage />} />
            <Route path="compose" element={<ComposerPage />} />
            <Route path="posts/:postId" element={<PostPage />} />
            <Route path="posts/:postId/edit" element={<ComposerPage />} />
            <Route path="attention" element={<AttentionPage />} />
            <Route path="drafts" element={<DraftsPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="getting-started" element={<OnboardingPage />} />
            <Route path="ideas" element={<IdeasPage />} />
            <Route path="feeds" element={<FeedsPage />} />
            <Route path="bulk" element={<BulkCsvPage />} />
            <Route path="snippets" element={<SnippetsPage />} />
            <Route path="media" element={<MediaLibraryPage />} />
            <Route path="analytics" element={<AnalyticsPage />} />
            <Route
              path="activity"
              element={
                <RequirePermission permission="audit.read">
                  <ActivityPage />
                </RequirePermission>
              }
            />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="analytics/report" element={<ReportPage />} />
            <Route
              path="developers"
              element={
                <RequirePermission permission="settings.manage">
                  <DevelopersPage />
                </RequirePermission>
              }
            />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
