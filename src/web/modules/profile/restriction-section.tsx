import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useRestriction, useSetRestriction } from './restriction.api.ts';

/** "Pause processing" (GDPR art. 18): Herald stops acting at the networks for the channels you connected. */
export function RestrictionSection() {
  const toast = useToast();
  const restriction = useRestriction();
  const change = useSetRestriction();
  const restricted = restriction.data?.restricted ?? false;

  return (
    <section className="card" aria-labelledby="restriction-title">
      <div className="card-head">
        <div>
          <h2 id="restriction-title">Pause processing</h2>
          <p className="muted small">
            While processing is paused, Herald publishes nothing to the channels you connected and stops renewing their access at the networks. Nothing is deleted:
            scheduled posts stay in their place and are shown as paused. When you resume, posts whose time has passed go out at once and are marked late.
          </p>
        </div>
      </div>
      {restriction.isPending ? (
        <Loading label="Loading…" />
      ) : (
        <Checkbox
          label={restricted && restriction.data?.restrictedAt ? `Processing paused since ${formatDateTime(restriction.data.restrictedAt)}` : 'Pause processing'}
          checked={restricted}
          disabled={change.isPending}
          data-testid="restriction-toggle"
          onChange={(event) =>
            change.mutate(event.target.checked, {
              onSuccess: (data) => toast(data.restricted ? 'Processing is paused.' : 'Processing resumed; overdue posts go out now.'),
            })
          }
        />
      )}
      <FormError message={formErrors(restriction.error ?? change.error, []).general} />
    </section>
  );
}
