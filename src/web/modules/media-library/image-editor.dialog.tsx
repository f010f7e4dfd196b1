import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Cropper, { type Area, type Point } from 'react-easy-crop';
import { Dialog } from '../../components/dialog.tsx';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useEditImage, type LibraryItem } from './media-library.api.ts';

/** The shapes networks ask for; "original" keeps the picture's own. Each is named by `editor.shapes.<id>`. */
export const aspectPresets = [
  { id: 'original', ratio: null },
  { id: '1:1', ratio: 1 },
  { id: '4:5', ratio: 4 / 5 },
  { id: '9:16', ratio: 9 / 16 },
  { id: '16:9', ratio: 16 / 9 },
] as const;
type PresetId = (typeof aspectPresets)[number]['id'];

/**
 * Crop to a network's shape, turn in quarter turns, scale down: the browser only chooses, the
 * server (sharp) makes the new file, so the result is exactly what the rules will check.
 */
export function ImageEditorDialog({ workspaceId, item, onClose, onSaved }: { workspaceId: string; item: LibraryItem; onClose: () => void; onSaved: (made: LibraryItem) => void }) {
  const { t } = useTranslation('media-library');
  const edit = useEditImage(workspaceId);
  // eslint-disable-next-line no-restricted-syntax -- react-easy-crop's point, not the X network
  const [crop, setCrop] = useState<Point>({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [preset, setPreset] = useState<PresetId>('original');
  const [area, setArea] = useState<Area | null>(null);
  const [maxWidth, setMaxWidth] = useState('');
  const width = item.width ?? 1;
  const height = item.height ?? 1;
  const turned = rotation % 180 !== 0;
  const ratio = aspectPresets.find((p) => p.id === preset)!.ratio ?? (turned ? height / width : width / height);
  const errors = formErrors(edit.error, ['maxWidth', 'crop']);
  const outWidth = area ? Math.min(area.width, Number(maxWidth) || area.width) : null;
  const outHeight = area && outWidth ? Math.round((area.height * outWidth) / area.width) : null;

  const save = () => {
    if (!area) return;
    const rotate = (((rotation % 360) + 360) % 360) as 0 | 90 | 180 | 270;
    edit.mutate(
      {
        id: item.id,
        rotate,
        // eslint-disable-next-line no-restricted-syntax -- react-easy-crop's area, not the X network
        crop: { left: Math.max(0, Math.round(area.x)), top: Math.max(0, Math.round(area.y)), width: Math.round(area.width), height: Math.round(area.height), unit: 'px' },
        ...(maxWidth ? { maxWidth: Number(maxWidth) } : {}),
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <Dialog open title={t('editor.title')} onClose={onClose} wide testId="image-editor">
      <div className="ie-layout">
        <div className="ie-stage" data-testid="image-editor-stage">
          <Cropper
            image={item.url}
            crop={crop}
            zoom={zoom}
            rotation={rotation}
            aspect={ratio}
            onCropChange={setCrop}
            onZoomChange={setZoom}
            onCropComplete={(_, pixels) => setArea(pixels)}
            objectFit="contain"
          />
        </div>
        <div className="ie-controls">
          <fieldset className="ie-presets">
            <legend>{t('editor.shape')}</legend>
            {aspectPresets.map((p) => (
              <button
                key={p.id}
                type="button"
                className={p.id === preset ? 'btn btn-sm ie-preset is-active' : 'btn btn-sm ie-preset'}
                aria-pressed={p.id === preset}
                data-testid={`aspect-${p.id}`}
                onClick={() => setPreset(p.id)}
              >
                {t(`editor.shapes.${p.id}`)}
              </button>
            ))}
          </fieldset>
          <div className="ie-row">
            <button type="button" className="btn btn-sm" onClick={() => setRotation((r) => (r + 270) % 360)} aria-label={t('editor.rotateLeft')}>
              ⟲ {t('editor.rotateLeft')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => setRotation((r) => (r + 90) % 360)} aria-label={t('editor.rotateRight')} data-testid="rotate-right">
              ⟳ {t('editor.rotateRight')}
            </button>
          </div>
          <label className="ie-zoom">
            <span className="small muted">{t('editor.zoom')}</span>
            <input type="range" min={1} max={4} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} aria-label={t('editor.zoom')} />
          </label>
          <Field
            label={t('editor.maxWidth')}
            type="number"
            min={16}
            max={8192}
            inputMode="numeric"
            placeholder={t('editor.keepSize')}
            value={maxWidth}
            error={errors.field('maxWidth')}
            data-testid="image-editor-max-width"
            onChange={(e) => setMaxWidth(e.target.value)}
          />
          <p className="small muted" data-testid="image-editor-result">
            {outWidth && outHeight ? t('editor.result', { width: Math.round(outWidth), height: outHeight }) : t('editor.chooseArea')} {t('editor.originalKept')}
          </p>
          <FormError message={errors.general ?? errors.field('crop')} />
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!area || edit.isPending} onClick={save} data-testid="image-editor-save">
          {edit.isPending ? t('actions.saving') : t('editor.save')}
        </button>
      </div>
    </Dialog>
  );
}
