import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { atMinute, fromLocalInput, fullDateTime, minuteOfDay, parseDayKey, toLocalInput, userTimeZone } from './calendar.dates.ts';
import { titleIn, type CalendarPost } from './calendar.model.ts';
import type { PostsT } from './post-states.ts';
import { useSchedulePost } from './posts.api.ts';

export type MoveResult = { ok: true } | { ok: false; message: string };

/** The server's reason in words for the person who dragged: a time in the past, a post already going out… */
function reasonOf(t: PostsT, error: unknown): string {
  if (isApiError(error)) {
    const timeIssue = Object.entries(error.fieldErrors).find(([field]) => field.endsWith('publishAt'))?.[1];
    if (timeIssue) return t('calendar.move.timeRefused', { reason: timeIssue });
    return error.message;
  }
  return error instanceof Error ? error.message : t('calendar.move.somethingWrong');
}

/**
 * Rescheduling with an optimistic position: the post is drawn at its new time at once, the server
 * decides, and a refusal puts it back where it was with the server's reason.
 */
export function useMovePost(workspaceId: string) {
  const { t } = useTranslation('posts');
  const schedule = useSchedulePost(workspaceId);
  const [moves, setMoves] = useState<ReadonlyMap<string, Date>>(() => new Map());
  const move = useCallback(
    async (post: CalendarPost, to: Date): Promise<MoveResult> => {
      setMoves((current) => new Map(current).set(post.id, to));
      try {
        // The update's onSettled reads the calendar again, so the post's new place comes from the server before the override goes.
        await schedule.mutateAsync({ postId: post.id, schedule: { mode: 'at', publishAt: to.toISOString(), timeZone: userTimeZone() } });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: reasonOf(t, error) };
      } finally {
        setMoves((current) => {
          const next = new Map(current);
          next.delete(post.id);
          return next;
        });
      }
    },
    // mutateAsync is stable for the mutation's life.
    [schedule.mutateAsync, t],
  );
  return { moves, move };
}

/** The new instant for a post dropped on a day (same time of day) or on a half-hour slot. */
export function dropTime(post: CalendarPost, target: HTMLElement): Date | null {
  const day = parseDayKey(target.dataset.dropDay ?? null);
  if (!day) return null;
  const minute = target.dataset.dropMinute !== undefined ? Number(target.dataset.dropMinute) : minuteOfDay(post.at);
  return atMinute(day, minute);
}

/**
 * Native HTML5 drag and drop, handled once on the calendar's container: the hovered target is
 * marked with a class set on the element itself, so a drag re-renders nothing.
 */
export function useDragAndDrop(findPost: (id: string) => CalendarPost | undefined, onDrop: (post: CalendarPost, to: Date) => void, onKeyMove: (post: CalendarPost) => void) {
  const dragged = useRef<CalendarPost | null>(null);
  const over = useRef<HTMLElement | null>(null);
  const container = useRef<HTMLDivElement | null>(null);

  const setOver = (element: HTMLElement | null) => {
    if (over.current === element) return;
    over.current?.classList.remove('is-drop-target');
    element?.classList.add('is-drop-target');
    over.current = element;
  };
  const end = () => {
    setOver(null);
    dragged.current = null;
    container.current?.classList.remove('is-dragging');
  };
  useEffect(() => end, []);

  const handlers = {
    ref: container,
    onDragStart(event: DragEvent<HTMLDivElement>) {
      const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-post-id]');
      const post = chip?.dataset.movable === 'true' ? findPost(chip.dataset.postId!) : undefined;
      if (!post) {
        // Links are draggable by nature; a post that cannot move must not look as if it could.
        if (chip) event.preventDefault();
        return;
      }
      dragged.current = post;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('application/x-herald-post', post.id);
      event.dataTransfer.setData('text/plain', post.title);
      // After this frame, so the drag image is taken from the chip as it looks now.
      requestAnimationFrame(() => container.current?.classList.add('is-dragging'));
      chip!.classList.add('is-drag-source');
      chip!.addEventListener('dragend', () => chip!.classList.remove('is-drag-source'), { once: true });
    },
    onDragOver(event: DragEvent<HTMLDivElement>) {
      if (!dragged.current) return;
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-drop-day]');
      setOver(target);
      if (!target) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    },
    onDragLeave(event: DragEvent<HTMLDivElement>) {
      if (!container.current?.contains(event.relatedTarget as Node | null)) setOver(null);
    },
    onDrop(event: DragEvent<HTMLDivElement>) {
      const post = dragged.current;
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-drop-day]');
      end();
      if (!post || !target) return;
      event.preventDefault();
      const to = dropTime(post, target);
      if (to && to.getTime() !== post.at.getTime()) onDrop(post, to);
    },
    onDragEnd: end,
    onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
      if (event.key.toLowerCase() !== 'm' || event.ctrlKey || event.metaKey || event.altKey) return;
      const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-post-id]');
      const post = chip?.dataset.movable === 'true' ? findPost(chip.dataset.postId!) : undefined;
      if (!post) return;
      event.preventDefault();
      onKeyMove(post);
    },
  };
  return handlers;
}

/** The keyboard way to move a post: a date and time, checked by the server like a drop. */
export function MoveDialog({ post, onClose, onMove }: { post: CalendarPost | null; onClose: () => void; onMove: (post: CalendarPost, to: Date) => Promise<MoveResult> }) {
  const { t } = useTranslation('posts');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [forPost, setForPost] = useState<string | null>(null);
  if (post && forPost !== post.id) {
    setForPost(post.id);
    setValue(toLocalInput(post.at));
    setError(null);
    setPending(false);
  }
  return (
    <Dialog open={!!post} title={t('calendar.move.title')} onClose={onClose} testId="move-dialog">
      {post ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const to = fromLocalInput(value);
            if (!to) {
              setError(t('calendar.move.chooseTime'));
              return;
            }
            setPending(true);
            const result = await onMove(post, to);
            setPending(false);
            if (result.ok) onClose();
            else setError(result.message);
          }}
        >
          <p className="cal-move-title">{t('calendar.move.quoted', { title: titleIn(t, post) })}</p>
          <p className="muted small">{t('calendar.move.nowAt', { when: fullDateTime.format(post.at) })}</p>
          <div className="field">
            <label htmlFor="cal-move-at">{t('calendar.move.newTime', { zone: userTimeZone() })}</label>
            <input id="cal-move-at" type="datetime-local" required value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} />
          </div>
          <FormError message={error} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('actions.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? t('calendar.move.moving') : t('calendar.move.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
