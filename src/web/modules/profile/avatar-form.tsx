import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/avatar.tsx';
import { FormError } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useRemoveAvatar, useUploadAvatar } from './avatar.api.ts';

const MAX_MB = 5;

/** The user's picture: shown to the members of their workspaces, or their initials without one. */
export function AvatarForm({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const inputId = useId();
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const busy = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;

  const choose = (file: File | undefined) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, { onSuccess: () => toast(t('avatar.saved')) });
  };

  return (
    <section className="card" aria-labelledby="avatar-title">
      <div className="card-head">
        <div>
          <h2 id="avatar-title">{t('avatar.title')}</h2>
          <p className="muted small">{t('avatar.hint', { size: MAX_MB })}</p>
        </div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: '1rem', flexWrap: 'wrap' }}>
        {me.user.image ? (
          <img className="avatar avatar-lg avatar-image" src={me.user.image} alt={t('avatar.alt')} data-testid="profile-avatar" />
        ) : (
          <Avatar name={me.user.name || me.user.email} size="lg" />
        )}
        <div className="form-actions" style={{ margin: 0 }}>
          <label htmlFor={inputId} className="btn" aria-disabled={busy}>
            {upload.isPending ? t('avatar.uploading') : t('avatar.upload')}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-label={t('avatar.upload')}
            disabled={busy}
            onChange={(e) => {
              choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {me.user.image ? (
            <button
              type="button"
              className="btn btn-ghost"
              disabled={busy}
              onClick={() => {
                upload.reset();
                remove.mutate(undefined, { onSuccess: () => toast(t('avatar.removed')) });
              }}
            >
              {remove.isPending ? t('avatar.removing') : t('avatar.remove')}
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={error?.message} />
    </section>
  );
}
