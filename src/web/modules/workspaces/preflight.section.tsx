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
export function leadTime(minutes: number): string {
  if (minutes === 0) return 'Off';
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'} before`;
  return `${minutes} minutes before`;
}

/** How long before a scheduled post Herald checks what would make it fail, and warns its author and the admins. */
export function PreflightSection({ workspace }: { workspace: MyWorkspace }) {
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
          <h2 id="preflight-title">Alerts before posting</h2>
          <p className="muted small">
            Before each scheduled post, Herald checks what would make it fail: a channel to reconnect, access that ends first, a missing permission, the network's
            limits. If something is wrong, the post's author and the admins are told in the app and by e-mail, while there is still time to fix it.
          </p>
        </div>
      </div>
      {settings.isPending || current === undefined ? (
        <Loading label="Loading…" />
      ) : (
        <div className="form-grid">
          <SelectField
            label="Check each scheduled post"
            value={String(change.isPending && change.variables !== undefined ? change.variables : current)}
            disabled={!canManage || change.isPending}
            hint={canManage ? undefined : 'Only owners and admins can change workspace settings.'}
            data-testid="preflight-minutes"
            onChange={(event) => {
              const minutes = Number(event.target.value);
              change.mutate(minutes, { onSuccess: () => toast(minutes ? `Posts are checked ${leadTime(minutes)} their time.` : 'Alerts before posting are off.') });
            }}
          >
            {options.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'Off (no check)' : leadTime(m)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <FormError message={formErrors(settings.error ?? change.error, []).general} />
    </section>
  );
}
