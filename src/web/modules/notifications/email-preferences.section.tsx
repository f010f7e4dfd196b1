import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { notificationCategories, type NotificationCategory } from '../../../shared/notification-categories.ts';
import { useInstance } from '../auth/auth.api.ts';
import { useEmailPreferences, useSetEmailPreference } from './email-preferences.api.ts';
import './email-preferences.css';

/** Which notifications also come by e-mail, per category. Every notification shows in the app whatever is chosen here. */
export function EmailPreferencesSection() {
  const { t } = useTranslation('notifications');
  const toast = useToast();
  const preferences = useEmailPreferences();
  const change = useSetEmailPreference();
  const instance = useInstance();
  // The choice being saved, set in the click's own event: the mutation's pending state reaches the
  // component a tick later, and meanwhile React would put the box back as it was.
  const [saving, setSaving] = useState<{ category: NotificationCategory; email: boolean } | null>(null);
  const section = useRef<HTMLElement>(null);
  const loaded = !!preferences.data;
  // The "e-mail settings" link in every notification e-mail lands here; the page renders after the
  // browser looked for the anchor, so the section brings itself into view.
  useEffect(() => {
    if (loaded && window.location.hash === '#email-notifications') section.current?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  return (
    <section ref={section} className="card" id="email-notifications" aria-labelledby="email-notifications-title" data-testid="email-preferences">
      <div className="card-head">
        <div>
          <h2 id="email-notifications-title">{t('email.title')}</h2>
          <p className="muted small">{t('email.intro')}</p>
        </div>
      </div>
      {instance.data?.mailTransport === 'log' ? (
        <p className="notice small">{t('email.noMailServer')}</p>
      ) : null}
      {preferences.isPending || !preferences.data ? (
        <Loading label={t('email.loading')} />
      ) : (
        <ul className="email-preferences">
          {notificationCategories.map((category) => {
            const label = t(`email.categories.${category}.label`);
            const description = t(`email.categories.${category}.description`);
            const checked = saving?.category === category ? saving.email : preferences.data[category];
            return (
              <li key={category}>
                <label className="email-preference">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={saving !== null}
                    aria-describedby={`email-pref-${category}`}
                    data-testid={`email-pref-${category}`}
                    onChange={(event) => {
                      const email = event.target.checked;
                      setSaving({ category, email });
                      change.mutate(
                        { [category]: email },
                        { onSuccess: () => toast(email ? t('email.on', { label }) : t('email.off', { label })), onSettled: () => setSaving(null) },
                      );
                    }}
                  />
                  <span>
                    <span className="email-preference-label">{label}</span>
                    <span className="muted small" id={`email-pref-${category}`}>
                      {description}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={formErrors(preferences.error ?? change.error, []).general} />
    </section>
  );
}
