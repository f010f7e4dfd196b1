import { useId, useState } from 'react';
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
  const sinceId = useId();
  // The choice being saved, set in the same event as the click: the mutation's own pending state
  // reaches the component a tick later, and meanwhile React would put the box back as it was.
  const [saving, setSaving] = useState<boolean | null>(null);

  return (
    <section className="card" aria-labelledby="restriction-title">
      <div className="card-head">
        <div>
          <h2 id="restriction-title">Pause processing</h2>
          <p className="muted small">
            While processing is paused, Herald publishes nothing to the channels you connected, reads no statistics from them and stops renewing their access at
            the networks. Nothing is deleted:
            scheduled posts stay in their place and are shown as paused. When you resume, posts whose time has passed go out at once and are marked late.
          </p>
          <p className="muted small">To stop only the reading of post statistics, for a whole workspace or one channel, use Analytics in the workspace settings.</p>
        </div>
      </div>
      {restriction.isPending ? (
        <Loading label="Loading…" />
      ) : (
        <>
          {/* The name stays "Pause processing" whatever the state: a control whose name changes when
              it is used reads as a different control. The box shows the choice while it is saved. */}
          <Checkbox
            label="Pause processing"
            checked={saving ?? restricted}
            disabled={saving !== null}
            aria-describedby={restricted ? sinceId : undefined}
            data-testid="restriction-toggle"
            onChange={(event) => {
              setSaving(event.target.checked);
              change.mutate(event.target.checked, {
                onSuccess: (data) => toast(data.restricted ? 'Processing is paused.' : 'Processing resumed; overdue posts go out now.'),
                onSettled: () => setSaving(null),
              });
            }}
          />
          {restricted && restriction.data?.restrictedAt ? (
            <p id={sinceId} className="muted small" data-testid="restriction-since">
              Paused since {formatDateTime(restriction.data.restrictedAt)}: nothing is published to the channels you connected.
            </p>
          ) : null}
        </>
      )}
      <FormError message={formErrors(restriction.error ?? change.error, []).general} />
    </section>
  );
}
