import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useMembers } from '../members/members.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useAddComment, useComments, useDeleteComment, useEditComment, type Comment } from './comments.api.ts';
import { MentionTextarea } from './mention-textarea.tsx';
import { mentionsStillIn, splitMentions, type Mentionable } from './mentions.ts';
import './comments.css';

type Member = Mentionable & { image: string | null };

/** What one writes: the text and the members picked from the @ list while writing it. */
function useDraft(initial = '', initialMentions: Mentionable[] = []) {
  const [body, setBody] = useState(initial);
  const [chosen, setChosen] = useState<Mentionable[]>(initialMentions);
  return {
    body,
    setBody,
    mention: (m: Mentionable) => setChosen((list) => [...list, m]),
    input: () => ({ body, mentions: mentionsStillIn(body, chosen) }),
    reset: () => {
      setBody('');
      setChosen([]);
    },
  };
}

function CommentBody({ comment }: { comment: Comment }) {
  return (
    <p className="comment-body">
      {splitMentions(comment.body, comment.mentions).map((part, i) =>
        'mention' in part ? (
          <span key={i} className="mention">
            @{part.mention.name}
          </span>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function CommentItem({ comment, members, mine, canDelete }: { comment: Comment; members: Member[]; mine: boolean; canDelete: boolean }) {
  const { t } = useTranslation('comments');
  const { id: workspaceId } = useWorkspace();
  const edit = useEditComment(workspaceId, comment.postId);
  const remove = useDeleteComment(workspaceId, comment.postId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const draft = useDraft(comment.body, comment.mentions);
  const errors = formErrors(edit.error ?? remove.error, ['body', 'mentions']);
  const save = () => edit.mutate({ id: comment.id, ...draft.input() }, { onSuccess: () => setEditing(false) });

  return (
    <li className="comment" data-testid="comment">
      <Avatar name={comment.author.name} src={comment.author.image} size="sm" />
      <div className="comment-main">
        <div className="comment-meta">
          <span className={comment.author.id ? 'comment-author' : 'comment-author muted'}>{comment.author.name}</span>
          <time dateTime={new Date(comment.createdAt).toISOString()} title={formatDateTime(comment.createdAt)} className="muted small">
            {formatDateTime(comment.createdAt)}
          </time>
          {comment.editedAt ? (
            <span className="muted small" title={t('item.editedAt', { when: formatDateTime(comment.editedAt) })}>
              · {t('item.edited', { when: relativeTime(comment.editedAt) })}
            </span>
          ) : null}
        </div>
        {editing ? (
          <form
            className="comment-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <MentionTextarea label={t('item.editLabel')} value={draft.body} onChange={draft.setBody} onMention={draft.mention} members={members} error={errors.field('body') ?? errors.field('mentions')} autoFocus onSubmitShortcut={save} />
            <div className="comment-actions">
              <button type="submit" className="btn btn-primary btn-sm" disabled={edit.isPending || !draft.body.trim()}>
                {edit.isPending ? t('item.saving') : t('item.save')}
              </button>
              <button type="button" className="btn btn-sm" onClick={() => setEditing(false)}>
                {t('item.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <CommentBody comment={comment} />
        )}
        <FormError message={errors.general} />
        {!editing && (mine || canDelete) ? (
          <div className="comment-actions">
            {mine ? (
              <button type="button" className="btn-text small" onClick={() => setEditing(true)} aria-label={t('item.editAria', { when: formatDateTime(comment.createdAt) })}>
                {t('item.edit')}
              </button>
            ) : null}
            {confirming ? (
              <span className="comment-confirm small" role="group" aria-label={t('item.confirmDelete')}>
                {t('item.confirmDelete')}{' '}
                <button type="button" className="btn-text small danger" disabled={remove.isPending} onClick={() => remove.mutate(comment.id)} autoFocus>
                  {t('item.delete')}
                </button>{' '}
                <button type="button" className="btn-text small" onClick={() => setConfirming(false)}>
                  {t('item.keep')}
                </button>
              </span>
            ) : (
              <button type="button" className="btn-text small" onClick={() => setConfirming(true)} aria-label={t('item.deleteAria', { name: comment.author.name, when: formatDateTime(comment.createdAt) })}>
                {t('item.delete')}
              </button>
            )}
          </div>
        ) : null}
      </div>
    </li>
  );
}

function CommentsBody({ postId }: { postId: string }) {
  const { t } = useTranslation('comments');
  const workspace = useWorkspace();
  const me = useMe().data;
  const comments = useComments(workspace.id, postId);
  const members: Member[] = (useMembers(workspace.id).data?.items ?? []).filter((m) => m.userId !== me?.user.id).map((m) => ({ userId: m.userId, name: m.name, image: m.image }));
  const add = useAddComment(workspace.id, postId);
  const draft = useDraft();
  const errors = formErrors(add.error, ['body', 'mentions']);
  const submit = () => {
    if (!draft.body.trim()) return;
    add.mutate(draft.input(), { onSuccess: () => draft.reset() });
  };

  const { hash } = useLocation();
  const loaded = !comments.isPending;
  // A notification links to #comments; the section only exists once the post has loaded.
  useEffect(() => {
    if (loaded && hash === '#comments') document.getElementById('comments')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);

  if (comments.isPending) return <Loading label={t('list.loading')} />;
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {comments.error ? <FormError message={comments.error.message} /> : null}
      {items.length ? (
        <ol className="comments" aria-label={t('list.label')}>
          {items.map((c) => (
            <CommentItem key={c.id} comment={c} members={members} mine={!!me && c.author.id === me.user.id} canDelete={hasPermission(workspace, 'members.manage')} />
          ))}
        </ol>
      ) : (
        <p className="muted comments-empty">{t('list.empty')}</p>
      )}
      {comments.hasNextPage ? (
        <button type="button" className="btn btn-block btn-sm" onClick={() => void comments.fetchNextPage()} disabled={comments.isFetchingNextPage}>
          {comments.isFetchingNextPage ? t('list.loadingMore') : t('list.more')}
        </button>
      ) : null}
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MentionTextarea label={t('form.label')} value={draft.body} onChange={draft.setBody} onMention={draft.mention} members={members} error={errors.field('body') ?? errors.field('mentions')} placeholder={t('form.placeholder')} onSubmitShortcut={submit} />
        <FormError message={errors.general} />
        <div className="comment-actions">
          <button type="submit" className="btn btn-primary btn-sm" disabled={add.isPending || !draft.body.trim()}>
            {add.isPending ? t('form.posting') : t('form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * The team's internal discussion of a post. Never sent to a network. `collapsed`: starts folded
 * (the composer's side column, where the post itself needs the room).
 */
export function PostComments({ postId, collapsed = false }: { postId: string; collapsed?: boolean }) {
  const { t } = useTranslation('comments');
  if (collapsed) {
    return (
      <details className="card comments-section comments-folded" id="comments">
        <summary>
          <h2>{t('title')}</h2>
        </summary>
        <CommentsBody postId={postId} />
      </details>
    );
  }
  return (
    <section className="card comments-section" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('title')}</h2>
      <CommentsBody postId={postId} />
    </section>
  );
}
