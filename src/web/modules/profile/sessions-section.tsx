import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, isPhone, relativeTime, shortUserAgent } from '../../components/format.ts';
import { DeviceIcon } from '../../components/icons.tsx';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useInstance } from '../auth/auth.api.ts';
import { useCurrentSessionId, useRevokeOtherSessions, useRevokeSession, useSessions } from './profile.api.ts';

export function SessionsSection() {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const instance = useInstance();
  const currentId = useCurrentSessionId();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  // The current session first, then the most recently used.
  const list = [...(sessions.data ?? [])].sort((a, b) => Number(b.id === currentId.data) - Number(a.id === currentId.data) || b.updatedAt.localeCompare(a.updatedAt));
  const others = list.filter((s) => s.id !== currentId.data);

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card-head">
        <div>
          <h2 id="sessions-title">{t('sessions.title')}</h2>
          <p className="muted small">{t('sessions.description', { count: instance.data?.sessionIdleDays ?? 30 })}</p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="revoke-other-sessions"
          onClick={() => revokeOthers.mutate(undefined, { onSuccess: () => toast(t('sessions.othersSignedOut')) })}
          disabled={others.length === 0 || revokeOthers.isPending}
        >
          {t('sessions.signOutOthers')}
        </button>
      </div>
      <FormError message={formErrors(sessions.error ?? revoke.error ?? revokeOthers.error, []).general} />
      {sessions.isPending ? <Loading label={t('sessions.loading')} /> : null}
      <ul className="rows" aria-label={t('sessions.listLabel')} data-testid="session-list">
        {list.map((s) => {
          const current = s.id === currentId.data;
          return (
            <li key={s.id} className="row" data-testid="session-row">
              <span className="row-icon">
                <DeviceIcon phone={isPhone(s.userAgent)} />
              </span>
              <div className="row-main">
                <div className="row-title" title={s.userAgent ?? undefined}>
                  {shortUserAgent(s.userAgent)}
                  {current ? <span className="tag tag-accent">{t('sessions.thisDevice')}</span> : null}
                </div>
                <div className="row-sub">
                  {t('sessions.details', { address: s.ipAddress || t('sessions.unknownAddress'), signedIn: formatDateTime(s.createdAt) })}{' '}
                  <span title={formatDateTime(s.updatedAt)}>{relativeTime(s.updatedAt)}</span>
                </div>
              </div>
              {!current ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(s.id, { onSuccess: () => toast(t('sessions.revoked')) })}
                >
                  {t('sessions.revoke')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
