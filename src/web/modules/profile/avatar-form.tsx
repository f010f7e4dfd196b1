import { useId } from 'react';
import { Avatar } from '../../components/avatar.tsx';
import { FormError } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useRemoveAvatar, useUploadAvatar } from './avatar.api.ts';

const MAX_MB = 5;

/** The user's picture: shown to the members of their workspaces, or their initials without one. */
export function AvatarForm({ me }: { me: Me }) {
  const toast = useToast();
  const inputId = useId();
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const busy = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;

  const choose = (file: File | undefined) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, { onSuccess: () => toast('Picture saved.') });
  };

  return (
    <section className="card" aria-labelledby="avatar-title">
      <div className="card-head">
        <div>
          <h2 id="avatar-title">Picture</h2>
          <p className="muted small">
            PNG, JPEG, WebP or GIF up to {MAX_MB} MB. Herald keeps a small square copy (256×256), shown to the people you work with.
          </p>
        </div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: '1rem', flexWrap: 'wrap' }}>
        {me.user.image ? (
          <img className="avatar avatar-lg avatar-image" src={me.user.image} alt="Your picture" data-testid="profile-avatar" />
        ) : (
          <Avatar name={me.user.name || me.user.email} size="lg" />
        )}
        <div className="form-actions" style={{ margin: 0 }}>
          <label htmlFor={inputId} className="btn" aria-disabled={busy}>
            {upload.isPending ? 'Uploading…' : 'Upload picture'}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-label="Upload picture"
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
                remove.mutate(undefined, { onSuccess: () => toast('Picture removed.') });
              }}
            >
              {remove.isPending ? 'Removing…' : 'Remove'}
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={error?.message} />
    </section>
  );
}
