import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { usePreflightSettings, useSetPreflightMinutes } from './preflight.api.ts';
import { hasPermission } from './workspace-route.tsx';

const choices = [0, 15, 30, 60, 120, 180, 360, 720, 1440];

/** "1 hour", "30 minutes", "Off". */
export function leadTime(minutes: number, t: TFunction<'workspaces'>): string {
  if (minutes === 0) return t('preflight.off');
  if (minutes % 60 === 0) return t('preflight.hours', { count: minutes / 60 });
  return t('preflight.minutes', { count: minutes });
}

/** How long before a scheduled post Herald checks what would make it fail, and warns its author and the admins. */
export function PreflightSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('workspaces');
  const toast = useToast();
  const settings = usePreflightSettings(workspace.id);
  const change = useSetPreflightMinutes(workspace.id);
  const canManage = hasPermission(workspace, 'settings.manage');
  const current = settings.data?.preflightMinutes;
  const options = current === undefined || choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);

  return (
    <section className="card" aria-labelledby="preflight-title" data-testid="preflight-settings">
      <div className="card-head">
        <div>
          <h2 id="preflight-title">{t('preflight.title')}</h2>
          <p className="muted small">{t('preflight.description')}</p>
        </div>
      </div>
      {settings.isPending || current === undefined ? (
        <Loading label={t('preflight.loading')} />
      ) : (
        <div className="form-grid">
          <SelectField
            label={t('preflight.label')}
            value={String(change.isPending && change.variables !== undefined ? change.variables : current)}
            disabled={!canManage || change.isPending}
            hint={canManage ? undefined : t('preflight.hint')}
            data-testid="preflight-minutes"
            onChange={(event) => {
              const minutes = Number(event.target.value);
              change.mutate(minutes, { onSuccess: () => toast(minutes ? t('preflight.checked', { lead: leadTime(minutes, t) }) : t('preflight.turnedOff')) });
            }}
          >
            {options.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('preflight.offOption') : leadTime(m, t)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <FormError message={formErrors(settings.error ?? change.error, []).general} />
    </section>
  );
}
