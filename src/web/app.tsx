import { Navigate, Route, Routes } from 'react-router-dom';
import type { ReactNode } from 'react';
import type { Me, MyWorkspace } from './api/types.ts';
import { RequireUser, Shell, useCurrentWorkspace } from './components/shell.tsx';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, SignupPage } from './modules/auth/auth-pages.tsx';
import { HomeRedirect, NewWorkspacePage, NotAMember, SettingsPage } from './modules/workspaces/workspace-pages.tsx';
import { MembersPage } from './modules/members/members-page.tsx';
import { ActivityPage } from './modules/activity/activity-page.tsx';
import { ProfilePage } from './modules/profile/profile-page.tsx';
import { InvitationPage } from './modules/invitations/invitation-page.tsx';
import { ChannelsPage } from './modules/channels/channels-page.tsx';

function Signed({ render }: { render: (me: Me) => ReactNode }) {
  return <RequireUser>{(me) => <Shell me={me}>{render(me)}</Shell>}</RequireUser>;
}

function InWorkspace({ me, render }: { me: Me; render: (w: MyWorkspace) => ReactNode }) {
  const workspace = useCurrentWorkspace(me);
  return workspace ? <>{render(workspace)}</> : <NotAMember />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invite/:invitationId" element={<InvitationPage />} />
      <Route path="/" element={<RequireUser>{(me) => <HomeRedirect me={me} />}</RequireUser>} />
      <Route path="/new-workspace" element={<Signed render={(me) => <NewWorkspacePage me={me} />} />} />
      <Route path="/profile" element={<Signed render={(me) => <ProfilePage me={me} />} />} />
      <Route path="/w/:workspaceId" element={<Navigate to="members" replace />} />
      <Route path="/w/:workspaceId/members" element={<Signed render={(me) => <InWorkspace me={me} render={(w) => <MembersPage workspace={w} />} />} />} />
      <Route path="/w/:workspaceId/channels" element={<Signed render={(me) => <InWorkspace me={me} render={(w) => <ChannelsPage workspace={w} />} />} />} />
      <Route path="/w/:workspaceId/activity" element={<Signed render={(me) => <InWorkspace me={me} render={(w) => <ActivityPage workspace={w} />} />} />} />
      <Route path="/w/:workspaceId/settings" element={<Signed render={(me) => <InWorkspace me={me} render={(w) => <SettingsPage workspace={w} />} />} />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
