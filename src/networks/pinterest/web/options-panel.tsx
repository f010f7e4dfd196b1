// Pinterest's composer panel: the board (with its sections) the pin is saved to, a new board made
// on the spot, the pin's title and destination link, and a video's cover.
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FormError } from '../../../web/components/feedback.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { Loading } from '../../../web/components/status.tsx';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { useNetworkAction } from '../../../web/modules/posts/use-network-action.ts';
import { pinterest, PINTEREST_BOARD_NAME_MAX, PINTEREST_TITLE_MAX } from '../descriptor.ts';
import type { OptionsPanelProps } from '../../web-types.ts';
import { boardsOf, type PinterestBoard } from './boards.ts';

const NEW_BOARD = '__new__';

/** Sets or clears optional settings (an empty value is no setting at all). */
function withValues(settings: Record<string, unknown>, change: Record<string, unknown>) {
  const next = { ...settings };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

function NewBoardForm({ channel, onCreated, onCancel }: { channel: OptionsPanelProps['channel']; onCreated: (board: PinterestBoard) => void; onCancel: () => void }) {
  const { t } = useTranslation('network-pinterest');
  const id = useId();
  const [name, setName] = useState('');
  const [privacy, setPrivacy] = useState('PUBLIC');
  const create = useNetworkAction<{ name: string; privacy: string }, { board: PinterestBoard }>(channel, 'create-board');
  const errors = formErrors(create.error, ['body.name', 'body.privacy']);
  return (
    <div className="cm-inline-form" data-testid="pinterest-new-board">
      <div className={errors.field('body.name') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-name`}>{t('web.options.newBoardName')}</label>
        <input id={`${id}-name`} value={name} maxLength={PINTEREST_BOARD_NAME_MAX} onChange={(e) => setName(e.target.value)} placeholder={t('web.options.newBoardPlaceholder')} />
        <FieldMessage message={errors.field('body.name')} id={`${id}-name-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-privacy`}>{t('web.options.whoCanSee')}</label>
        <select id={`${id}-privacy`} value={privacy} onChange={(e) => setPrivacy(e.target.value)}>
          <option value="PUBLIC">{t('web.options.privacy.PUBLIC')}</option>
          <option value="SECRET">{t('web.options.privacy.SECRET')}</option>
        </select>
      </div>
      <FormError message={errors.general} />
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={!name.trim() || create.isPending}
        onClick={() => create.mutate({ name: name.trim(), privacy }, { onSuccess: (answer) => onCreated(answer.board) })}
      >
        {create.isPending ? t('web.options.creating') : t('web.options.createBoard')}
      </button>{' '}
      <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
        {t('web.options.cancel')}
      </button>
    </div>
  );
}

export function PinterestOptions({ channel, settings, onChange, errorFor, files, preflight }: OptionsPanelProps) {
  const { t } = useTranslation('network-pinterest');
  const id = useId();
  const [creating, setCreating] = useState(false);
  const boards = boardsOf(preflight.data);
  const boardId = typeof settings.boardId === 'string' ? settings.boardId : '';
  const board = boards?.find((b) => b.id === boardId);
  const title = typeof settings.title === 'string' ? settings.title : '';
  const video = files.find((f) => f.kind === 'video');
  const images = files.filter((f) => f.kind === 'image');
  const coverMode = typeof settings.coverMediaId === 'string' ? 'image' : 'frame';
  const boardError = errorFor('settings.boardId');
  const titleError = errorFor('settings.title');
  const linkError = errorFor('settings.link');
  const set = (change: Record<string, unknown>) => onChange(withValues(settings, change));

  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="pinterest-panel">
      <NetworkCardHead channel={channel} title={pinterest.label} id={`${id}-title`} />
      {preflight.isPending && preflight.enabled ? <Loading label={t('web.options.readingBoards')} /> : null}
      <FormError message={preflight.error ? t('web.options.boardsUnavailable', { reason: formErrors(preflight.error, []).general ?? t('web.options.noAnswer') }) : undefined} />
      <div className="cm-options-grid">
        <div className={boardError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-board`}>{t('web.options.board')}</label>
          <select
            id={`${id}-board`}
            value={creating ? NEW_BOARD : boardId}
            aria-invalid={boardError ? true : undefined}
            aria-describedby={boardError ? `${id}-board-error` : undefined}
            onChange={(e) => {
              if (e.target.value === NEW_BOARD) return setCreating(true);
              setCreating(false);
              const chosen = boards?.find((b) => b.id === e.target.value);
              set({ boardId: chosen?.id, boardName: chosen?.name, boardSectionId: undefined });
            }}
          >
            <option value="">{t('web.options.chooseBoard')}</option>
            {(boards ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.privacy === 'SECRET' ? t('web.options.secretBoard', { name: b.name }) : b.name}
              </option>
            ))}
            {boardId && !board ? <option value={boardId}>{String(settings.boardName ?? boardId)}</option> : null}
            <option value={NEW_BOARD}>{t('web.options.newBoard')}</option>
          </select>
          <FieldMessage message={boardError} id={`${id}-board-error`} />
        </div>
        {board && board.sections.length ? (
          <div className="field">
            <label htmlFor={`${id}-section`}>{t('web.options.section')}</label>
            <select id={`${id}-section`} value={String(settings.boardSectionId ?? '')} onChange={(e) => set({ boardSectionId: e.target.value || undefined })}>
              <option value="">{t('web.options.noSection')}</option>
              {board.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {creating ? (
        <NewBoardForm
          channel={channel}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            set({ boardId: created.id, boardName: created.name, boardSectionId: undefined });
          }}
        />
      ) : null}
      <div className="cm-options-grid">
        <div className={titleError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-pin-title`}>
            {t('web.options.title')}{' '}
            <span className="muted small" aria-live="polite">
              {title.length}/{PINTEREST_TITLE_MAX}
            </span>
          </label>
          <input id={`${id}-pin-title`} value={title} maxLength={PINTEREST_TITLE_MAX} placeholder={t('web.options.titlePlaceholder')} onChange={(e) => set({ title: e.target.value })} />
          <FieldMessage message={titleError} id={`${id}-title-error`} />
        </div>
        <div className={linkError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-link`}>{t('web.options.destinationLink')}</label>
          <input
            id={`${id}-link`}
            type="url"
            placeholder={t('web.options.linkPlaceholder')}
            value={String(settings.link ?? '')}
            aria-invalid={linkError ? true : undefined}
            onChange={(e) => set({ link: e.target.value.trim() })}
          />
          <FieldMessage message={linkError} id={`${id}-link-error`} />
        </div>
      </div>
      {video ? (
        <fieldset className="cm-segment">
          <legend className="label">{t('web.options.cover')}</legend>
          <label>
            <input type="radio" name={`${id}-cover`} checked={coverMode === 'frame'} onChange={() => set({ coverMediaId: undefined })} />
            <span>
              <Trans
                t={t}
                i18nKey="web.options.frameAt"
                components={{
                  seconds: (
                    <input
                      type="number"
                      min={0}
                      max={Math.floor(video.durationSeconds ?? 900)}
                      aria-label={t('web.options.frameSecond')}
                      value={Number(settings.coverKeyFrameSeconds ?? 0)}
                      onChange={(e) => set({ coverKeyFrameSeconds: e.target.value === '' ? undefined : Math.max(0, Math.floor(Number(e.target.value))) })}
                    />
                  ),
                }}
              />
            </span>
          </label>
          <label>
            <input type="radio" name={`${id}-cover`} checked={coverMode === 'image'} disabled={!images.length} onChange={() => set({ coverMediaId: images[0]?.id, coverKeyFrameSeconds: undefined })} />
            <span>{images.length ? t('web.options.coverImage') : t('web.options.coverImageAddOne')}</span>
          </label>
          {coverMode === 'image' && images.length > 1 ? (
            <select aria-label={t('web.options.coverImageLabel')} value={String(settings.coverMediaId)} onChange={(e) => set({ coverMediaId: e.target.value })}>
              {images.map((image, index) => (
                <option key={image.id} value={image.id}>
                  {t('web.options.imageNumber', { position: index + 1 })}
                </option>
              ))}
            </select>
          ) : null}
        </fieldset>
      ) : null}
      <p className="muted small">{images.length > 1 ? t('web.options.descriptionNoteCarousel') : t('web.options.descriptionNote')}</p>
    </section>
  );
}
