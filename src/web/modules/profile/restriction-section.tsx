import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useRestriction, useSetRestriction } from './restriction.api.ts';

/** "Pause processing" (GDPR art. 18): Herald stops acting at the networks for the channels you connected. */
export function RestrictionSection() {
  const { t } = useTranslation('profile');
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
          <h2 id="restriction-title">{t('restriction.title')}</h2>
          <p className="muted small">{t('restriction.description')}</p>
          <p className="muted small">{t('restriction.analyticsHint')}</p>
        </div>
      </div>
      {restriction.isPending ? (
        <Loading label={t('restriction.loading')} />
      ) : (
        <>
          {/* The name stays "Pause processing" whatever the state: a control whose name changes when
              it is used reads as a different control. The box shows the choice while it is saved. */}
          <Checkbox
            label={t('restriction.toggle')}
            checked={saving ?? restricted}
            disabled={saving !== null}
            aria-describedby={restricted ? sinceId : undefined}
            data-testid="restriction-toggle"
            onChange={(event) => {
              setSaving(event.target.checked);
              change.mutate(event.target.checked, {
                onSuccess: (data) => toast(data.restricted ? t('restriction.paused') : t('restriction.resumed')),
                onSettled: () => setSaving(null),
              });
            }}
          />
          {restricted && restriction.data?.restrictedAt ? (
            <p id={sinceId} className="muted small" data-testid="restriction-since">
              {t('restriction.since', { date: formatDateTime(restriction.data.restrictedAt) })}
            </p>
          ) : null}
        </>
      )}
      <FormError message={formErrors(restriction.error ?? change.error, []).general} />
    </section>
  );
}
