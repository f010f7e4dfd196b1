import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageMessage, Loading } from '../../components/status.tsx';
import { useMe, type Me } from './auth.api.ts';

const MeContext = createContext<Me | null>(null);

/** The signed-in user, for components under RequireUser. */
export function useSignedInUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSignedInUser outside RequireUser');
  return me;
}

/** Renders its routes only for a signed-in user; anyone else signs in first and comes back. */
export function RequireUser() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading fullPage />;
  if (me.isError) {
    return (
      <FullPageMessage title={t('unreachable.title')}>
        <p>{me.error.message}</p>
        <button type="button" className="btn" onClick={() => void me.refetch()}>
          {t('unreachable.retry')}
        </button>
      </FullPageMessage>
    );
  }
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}
