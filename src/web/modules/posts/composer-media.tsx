import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format.ts';
import type { MediaSlot, Upload } from './composer-model.ts';
import type { Uploads } from './composer-uploads.ts';
import { PickFromLibrary } from '../media-library/pick-from-library.tsx';

const accept = 'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime,video/webm,application/pdf';

function formatDuration(seconds: number | null) {
  if (seconds === null) return null;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function Thumb({ upload }: { upload: Upload | undefined }) {
  if (!upload) return <div className="cm-thumb-empty" aria-hidden="true" />;
  const src = upload.media?.url ?? upload.previewUrl;
  if (upload.kind === 'document') {
    return (
      <div className="cm-thumb-empty cm-thumb-document" aria-hidden="true">
        PDF
      </div>
    );
  }
  if (upload.kind === 'video') {
    return src ? <video className="cm-thumb-media" src={src} muted playsInline preload="metadata" aria-hidden="true" /> : <div className="cm-thumb-empty" aria-hidden="true" />;
  }
  return src ? <img className="cm-thumb-media" src={src} alt="" /> : <div className="cm-thumb-empty" aria-hidden="true" />;
}

/**
 * A post's media: drop or pick files, see them upload, write alt text, reorder and remove.
 * `errors` are the rule checks about these files (per network), shown under the list.
 */
export function MediaBox({ slots, onChange, uploads, label, errors }: { slots: MediaSlot[]; onChange: (slots: MediaSlot[]) => void; uploads: Uploads; label: string; errors: string[] }) {
  const { t } = useTranslation('posts');
  const pagesText = (pages: number) => t('media.pages', { count: pages });
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  const addFiles = (files: FileList | File[] | null) => {
    const list = [...(files ?? [])].filter((f) => f.type.startsWith('image/') || f.type.startsWith('video/') || f.type === 'application/pdf');
    if (!list.length) return;
    const keys = uploads.add(list);
    onChange([...slots, ...keys.map((key) => ({ key, altText: '' }))]);
  };
  const move = (index: number, by: number) => {
    const next = [...slots];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  const remove = (index: number) => {
    const slot = slots[index]!;
    if (uploads.uploads[slot.key]?.state !== 'ready') uploads.discard(slot.key);
    onChange(slots.filter((_, i) => i !== index));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    addFiles(e.dataTransfer.files);
  };

  return (
    <div className="cm-media" role="group" aria-label={t('media.groupLabel', { label })}>
      {slots.length ? (
        <ol className="cm-media-list">
          {slots.map((slot, index) => {
            const upload = uploads.uploads[slot.key];
            const name = upload?.fileName ?? t('media.file');
            const media = upload?.media;
            return (
              <li key={slot.key} className={upload?.state === 'failed' ? 'cm-media-item is-failed' : 'cm-media-item'} data-testid="media-item">
                <div className="cm-thumb">
                  <Thumb upload={upload} />
                  {upload?.kind === 'video' ? <span className="cm-thumb-badge">{formatDuration(media?.durationSeconds ?? null) ?? t('media.video')}</span> : null}
                  {upload?.kind === 'document' && media?.pageCount ? <span className="cm-thumb-badge">{pagesText(media.pageCount)}</span> : null}
                  <button type="button" className="cm-thumb-remove" aria-label={t('media.remove', { name })} onClick={() => remove(index)}>
                    ×
                  </button>
                </div>
                <div className="cm-media-side">
                  <div className="cm-media-name" title={name}>
                    {name}
                  </div>
                  {upload && upload.state !== 'ready' && upload.state !== 'failed' ? (
                    <div className="cm-progress-row">
                      <progress className="cm-progress" max={1} value={upload.progress} aria-label={t('media.uploading', { name })} />
                      <span className="small muted">{Math.round(upload.progress * 100)}%</span>
                      {upload.resumable ? (
                        upload.state === 'paused' ? (
                          <button type="button" className="btn-text small" onClick={() => uploads.resume(slot.key)}>
                            {t('media.resume')}
                          </button>
                        ) : (
                          <button type="button" className="btn-text small" onClick={() => uploads.pause(slot.key)}>
                            {t('media.pause')}
                          </button>
                        )
                      ) : null}
                    </div>
                  ) : null}
                  {upload?.state === 'failed' ? (
                    <p className="field-error" role="alert">
                      {upload.error}
                    </p>
                  ) : null}
                  {media ? (
                    <div className="small muted">
                      {[
                        media.width && media.height ? `${media.width}×${media.height}` : null,
                        media.durationSeconds !== null ? t('media.seconds', { n: Math.round(media.durationSeconds) }) : null,
                        media.pageCount ? pagesText(media.pageCount) : null,
                        formatFileSize(media.size),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  ) : null}
                  {upload?.kind === 'image' || upload?.kind === 'video' ? (
                    <input
                      className="cm-alt"
                      aria-label={t('media.altFor', { name })}
                      placeholder={t(`media.altPlaceholder.${upload.kind}`)}
                      maxLength={1500}
                      value={slot.altText}
                      onChange={(e) => onChange(slots.map((s, i) => (i === index ? { ...s, altText: e.target.value } : s)))}
                    />
                  ) : null}
                  {slots.length > 1 ? (
                    <div className="cm-media-order">
                      <button type="button" className="btn btn-ghost btn-sm" disabled={index === 0} aria-label={t('media.earlier', { name })} onClick={() => move(index, -1)}>
                        ←
                      </button>
                      <button type="button" className="btn btn-ghost btn-sm" disabled={index === slots.length - 1} aria-label={t('media.later', { name })} onClick={() => move(index, 1)}>
                        →
                      </button>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div
        className={dragging ? 'cm-drop is-dragging' : 'cm-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span aria-hidden="true" className="cm-drop-icon">
          ⤒
        </span>
        <span>
          {t('media.drop')}{' '}
          <label htmlFor={inputId} className="btn-text">
            {t('media.choose')}
          </label>
        </span>
        <input
          id={inputId}
          className="cm-file-input"
          type="file"
          multiple
          accept={accept}
          aria-label={t('media.add', { label })}
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      <PickFromLibrary slots={slots} onChange={onChange} uploads={uploads} label={label} />
      {errors.map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
