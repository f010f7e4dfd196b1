import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { Avatar } from '../../components/avatar.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useChannels } from '../channels/channels.api.ts';
import { useMembers } from '../members/members.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useDrafts, type Post } from './posts.api.ts';
import { channelFacts, excerpt, formatInZone } from './post-state.tsx';
import './post.css';

/**
 * Every draft of the workspace, with or without a time, the last edited first: the calendar shows
 * only drafts that have a time, so this is where the rest are found. Filters live in the address
 * (?author=&channel=) so a filtered list can be shared and survives a reload.
 */
export function DraftsPage() {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const [params, updateParams] = useSearchParamsUpdate();
  const authorId = params.get('author') ?? undefined;
  const channelId = params.get('channel') ?? undefined;
  const drafts = useDrafts(workspace.id, { authorId, channelId });
  const members = useMembers(workspace.id).data?.items ?? [];
  const channels = useChannels(workspace.id).data?.items;
  const canEdit = hasPermission(workspace, 'posts.edit');
  const items = drafts.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(authorId || channelId);
  const authorField = useId();
  const channelField = useId();
  const setFilter = (key: 'author' | 'channel', value: string) => updateParams({ [key]: value }, true);
  const authorName = (id: string | null) => (id ? (members.find((m) => m.userId === id)?.name ?? t('drafts.formerMember')) : t('drafts.formerMember'));

  return (
    <div className="page drafts-page">
      <PageHeader
        title={t('drafts.title')}
        description={t('drafts.description')}
        actions={
          canEdit ? (
            <Link to={`/w/${workspace.id}/compose`} className="btn btn-primary">
              {t('calendar.newPost')}
            </Link>
          ) : null
        }
      />
      <div className="drafts-filters" role="group" aria-label={t('drafts.filter')}>
        <div className="drafts-filter">
          <label htmlFor={authorField}>{t('drafts.author')}</label>
          <select id={authorField} value={authorId ?? ''} onChange={(e) => setFilter('author', e.target.value)}>
            <option value="">{t('drafts.everyone')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="drafts-filter">
          <label htmlFor={channelField}>{t('calendar.channel')}</label>
          <select id={channelField} value={channelId ?? ''} onChange={(e) => setFilter('channel', e.target.value)}>
            <option value="">{t('calendar.allChannels')}</option>
            {(channels ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName ?? c.username}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="card" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading" className="visually-hidden">
          {t('drafts.title')}
        </h2>
        {drafts.isPending ? <Loading label={t('drafts.reading')} /> : null}
        <FormError message={formErrors(drafts.error, []).general} />
        {drafts.data && !items.length ? (
          <EmptyState
            title={filtered ? t('drafts.noMatch') : t('drafts.none')}
            action={
              filtered ? (
                <button type="button" className="btn" onClick={() => updateParams({ author: null, channel: null }, true)}>
                  {t('drafts.clear')}
                </button>
              ) : null
            }
          >
            {filtered ? t('drafts.noMatchBody') : t('drafts.noneBody')}
          </EmptyState>
        ) : null}
        {items.length ? (
          <ul className="rows drafts-list" aria-label={t('drafts.title')}>
            {items.map((post) => (
              <DraftRow key={post.id} post={post} workspaceId={workspace.id} channels={channels} author={authorName(post.createdBy)} canEdit={canEdit} />
            ))}
          </ul>
        ) : null}
        {drafts.hasNextPage ? (
          <button type="button" className="btn btn-block" onClick={() => void drafts.fetchNextPage()} disabled={drafts.isFetchingNextPage}>
            {drafts.isFetchingNextPage ? t('drafts.loading') : t('drafts.older')}
          </button>
        ) : null}
      </section>
    </div>
  );
}

function DraftRow({ post, workspaceId, channels, author, canEdit }: { post: Post; workspaceId: string; channels: Parameters<typeof channelFacts>[1]; author: string; canEdit: boolean }) {
  const { t } = useTranslation('posts');
  const who = post.deliveries.map((d) => channelFacts(d, channels));
  const media = post.content.media?.length ?? 0;
  return (
    <li className="row draft-row" data-testid="draft-row" data-post-id={post.id}>
      <span className="draft-avatars" aria-hidden="true">
        {who.slice(0, 3).map((w, i) => (
          <Avatar key={i} name={w.name} src={w.avatar} size="sm" />
        ))}
      </span>
      <div className="row-main">
        <Link to={`/w/${workspaceId}/posts/${post.id}`} className="row-title draft-title">
          {excerpt(post.content.text ?? '', 120) || (media ? t('drafts.mediaOnly', { count: media }) : t('drafts.empty'))}
        </Link>
        <div className="row-sub">
          <Trans
            t={t}
            i18nKey="drafts.row"
            values={{ channels: who.map((w) => w.name).join(', ') || t('drafts.noChannel'), author, edited: relativeTime(String(post.updatedAt)) }}
            components={{ time: <time dateTime={String(post.updatedAt)} /> }}
          />
          {' · '}
          {post.publishAt ? (
            <Trans t={t} i18nKey="drafts.plannedFor" values={{ when: formatInZone(post.publishAt, post.timeZone) }} components={{ time: <time dateTime={String(post.publishAt)} /> }} />
          ) : (
            t('drafts.noTime')
          )}
        </div>
      </div>
      {canEdit ? (
        <Link to={`/w/${workspaceId}/posts/${post.id}/edit`} className="btn btn-sm">
          {t('post.actions.edit')}
        </Link>
      ) : null}
    </li>
  );
}
