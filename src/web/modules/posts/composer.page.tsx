import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ChannelLimits } from '../../../shared/publishing-rules.ts';
import { api, isApiError } from '../../api/client.ts';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { isNetwork } from '../../components/networks.ts';
import { networkIds, networks } from '../../../shared/networks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { PostingTimesSection } from '../workspaces/posting-times.section.tsx';
import { useChannels } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { ChannelPicker, ContentTabs } from './composer-content.tsx';
import { channelIssues, instantOf, limitsFor, serverIssues, toComposeInput, type ChannelIssue } from './composer-model.ts';
import { PostComments } from '../comments/post-comments.tsx';
import { NetworkPanels, Previews, PublicMediaNotices, preflightWaits, usePreflights } from './composer-networks.tsx';
import { LinkCardEditor, UtmPanel } from './composer-link-card.tsx';
import { useUploads } from './composer-uploads.ts';
import { browserTimeZone as timeZone, WhenChoice } from './composer-when.tsx';
import { BestTimeChips } from './composer-best-times.tsx';
import { postsKey, useCreatePost, usePost, useSchedulePost, useUpdatePost, type Post, type Schedule } from './posts.api.ts';
import { useComposerDraft, type When } from './use-composer-draft.ts';
import { useIdeaPrefill } from '../ideas/use-idea-prefill.ts';
import './composer.css';
import { useSubmitsForReview } from '../approvals/approvals.api.ts';

/** Shown until a save is attempted: an empty post is not yet a mistake. */
const isQuiet = (issue: ChannelIssue) => issue.code === 'empty';
const unique = (messages: string[]) => [...new Set(messages)];
/** "TikTok, Mastodon or Bluesky", with the interface's word for "or". */
const orList = (or: string, words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')}${or}${words.at(-1)}` : (words[0] ?? ''));

export function ComposerPage() {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const { postId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const channelsQuery = useChannels(workspace.id);
  const existing = usePost(workspace.id, postId);
  const uploads = useUploads(workspace.id);
  const create = useCreatePost(workspace.id);
  const update = useUpdatePost(workspace.id);
  const reschedule = useSchedulePost(workspace.id);
  const baseId = useId();
  const [editingTimes, setEditingTimes] = useState(false);
  const state = useComposerDraft({ workspaceId: workspace.id, postId, stored: existing.data, prefillAt: params.get('at'), adopt: uploads.adopt });
  const { draft, edit, when, setWhen, date, setDate, time, setTime, attempted, fromServer, saving, submitError } = state;
  const fromIdea = useIdeaPrefill({ workspaceId: workspace.id, ideaId: postId ? null : params.get('idea'), edit, adopt: uploads.adopt });

  const allChannels = useMemo(() => (channelsQuery.data?.items ?? []).filter((c) => c.status !== 'disconnected' && isNetwork(c.network)), [channelsQuery.data]);
  const selected = useMemo(() => allChannels.filter((c) => draft.channelIds.includes(c.id)), [allChannels, draft.channelIds]);
  const preflights = usePreflights(workspace.id, selected, draft.settings);
  const limits: Record<string, ChannelLimits> = {};
  for (const c of selected) limits[c.id] = limitsFor(c, preflights.get(c.id));

  const nextSlot = useQuery({
    // Under the posts key, so saving any post makes it stale; and not kept once the composer
    // closes: the next composer must not promise the slot the last post just took.
    queryKey: [...postsKey(workspace.id), 'queue-next', draft.channelIds.join(',')],
    queryFn: () => api.get<{ at: string | null; timeZone: string }>(`/api/v1/workspaces/${workspace.id}/queue/next?channelIds=${encodeURIComponent(draft.channelIds.join(','))}`),
    enabled: draft.channelIds.length > 0,
    gcTime: 0,
  });
  const mode: When = when ?? (nextSlot.data?.at ? 'queue' : 'at');

  // What the rules say, for a draft and for publishing; plus what the server answered last time.
  const draftIssues = channelIssues(draft, selected, uploads.uploads, limits, false);
  const publishIssues = channelIssues(draft, selected, uploads.uploads, limits, true);
  const shown = [...publishIssues.filter((i) => attempted || !isQuiet(i)), ...fromServer];
  const messagesFor = (field: string, channelIds: string[]) => unique(shown.filter((i) => i.field === field && channelIds.includes(i.channelId)).map((i) => i.message));
  const usedSlots = [...draft.media, ...Object.entries(draft.overrides).filter(([id]) => draft.channelIds.includes(id)).flatMap(([, o]) => o.media)];
  const pending = usedSlots.some((s) => ['uploading', 'paused'].includes(uploads.uploads[s.key]?.state ?? ''));
  const failed = usedSlots.some((s) => uploads.uploads[s.key]?.state === 'failed');
  const instant = instantOf(date, time);

  const common: string[] = [];
  if (!selected.length) common.push(t('composer.blockers.noChannel'));
  if (pending) common.push(t('composer.blockers.uploading'));
  if (failed) common.push(t('composer.blockers.failedUploads'));
  const whenProblems: string[] = [];
  if (mode === 'at' && !instant) whenProblems.push(t('composer.blockers.noTime'));
  if (mode === 'at' && instant && instant.getTime() < Date.now() - 60_000) whenProblems.push(t('composer.blockers.past'));
  if (mode === 'queue' && nextSlot.data && !nextSlot.data.at) whenProblems.push(t('composer.blockers.noSlot'));
  const draftBlockers = unique([...common, ...draftIssues.map((i) => i.message)]);
  const publishBlockers = unique([...common, ...preflightWaits(selected, preflights), ...publishIssues.map((i) => i.message), ...whenProblems]);
  const canSchedule = hasPermission(workspace, 'posts.schedule');

  const forReview = useSubmitsForReview(workspace.id, draft.channelIds, hasPermission(workspace, 'posts.approve'));
  const primaryLabel = forReview ? t('composer.primary.review') : t(`composer.primary.${mode}`);

  async function save(kind: 'draft' | 'publish') {
    state.setAttempted(true);
    if ((kind === 'draft' ? draftBlockers : publishBlockers).length || saving) return;
    const input = toComposeInput(draft, selected, uploads.uploads);
    const schedule: Schedule =
      // A draft with a picked time keeps it as its plan: it shows on the calendar, nothing is sent.
      kind === 'draft' ? (mode === 'at' && instant ? { mode: 'draft', publishAt: instant.toISOString(), timeZone } : { mode: 'draft' }) : mode === 'now' ? { mode: 'now' } : mode === 'queue' ? { mode: 'queue' } : { mode: 'at', publishAt: instant!.toISOString(), timeZone };
    state.setSaving(true);
    state.setSubmitError(null);
    try {
      let post: Post;
      if (postId) {
        await update.mutateAsync({ postId, ...input });
        post = await reschedule.mutateAsync({ postId, schedule });
      } else {
        post = await create.mutateAsync({ ...input, schedule });
        await fromIdea.linkPost(post.id);
      }
      toast(
        kind === 'draft'
          ? t('composer.saved.draft')
          : post.state === 'in_review'
            ? t('composer.saved.review')
            : mode === 'now'
              ? t('composer.saved.now')
              : post.publishAt
                ? t('composer.saved.scheduled', { when: formatDateTime(post.publishAt) })
                : t('composer.saved.saved'),
      );
      void navigate(`/w/${workspace.id}/posts/${post.id}`);
    } catch (error) {
      state.setSubmitError(error);
      if (isApiError(error)) state.setFromServer(serverIssues(error.fieldErrors, input.channels.map((c) => c.channelId)));
    } finally {
      state.setSaving(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save(canSchedule ? 'publish' : 'draft');
    }
  };

  if (channelsQuery.isPending || (postId && !state.loaded && !existing.error)) return <Loading label={postId ? t('post.loading') : t('composer.loadingChannels')} />;
  const loadError = channelsQuery.error ?? existing.error;
  const placedServer = fromServer.length > 0;
  const generalError = submitError && !placedServer ? formErrors(submitError, []).general : undefined;

  return (
    <div className="page page-wide cm-page" onKeyDown={onKeyDown}>
      <PageHeader
        title={postId ? t('composer.editTitle') : t('composer.title')}
        description={<Trans t={t} i18nKey="composer.description" values={{ action: canSchedule ? primaryLabel.toLowerCase() : t('composer.saveTheDraft') }} components={{ kbd: <kbd /> }} />}
      />
      <FormError message={loadError ? formErrors(loadError, []).general : undefined} />
      {fromIdea.idea ? <Notice>{t('composer.fromIdea', { title: fromIdea.idea.title })}</Notice> : null}
      {allChannels.length === 0 ? (
        <section className="card">
          <EmptyState
            title={t('composer.noChannels.title')}
            action={
              <Link className="btn btn-primary" to={`/w/${workspace.id}/channels`}>
                {t('composer.noChannels.connect')}
              </Link>
            }
          >
            {t('composer.noChannels.body', { networks: orList(t('composer.noChannels.or'), networkIds.map((id) => networks[id].label)) })}
          </EmptyState>
        </section>
      ) : (
        <div className="cm-layout">
          <div className="cm-main">
            <section className="card cm-compose-card" aria-label={t('post.title')}>
              <ChannelPicker channels={allChannels} selected={draft.channelIds} onToggle={(id) => state.toggleChannel(allChannels.find((c) => c.id === id)!)} />
              <ContentTabs
                baseId={baseId}
                draft={draft}
                edit={edit}
                selected={selected}
                uploads={uploads}
                limits={limits}
                messagesFor={messagesFor}
                channelHasIssues={(id) => shown.some((i) => i.channelId === id)}
              />
              <LinkCardEditor workspaceId={workspace.id} draft={draft} edit={edit} />
            </section>

            <PublicMediaNotices channels={selected} />
            <NetworkPanels channels={selected} draft={draft} uploads={uploads.uploads} preflights={preflights} onSettings={state.setSettings} errorFor={(channelId, field) => messagesFor(field, [channelId])[0]} />
            <UtmPanel channels={selected} draft={draft} edit={edit} />

            <section className="card cm-when" aria-labelledby={`${baseId}-when`}>
              <h2 id={`${baseId}-when`}>{t('composer.when.title')}</h2>
              {canSchedule ? (
                <WhenChoice
                  baseId={baseId}
                  mode={mode}
                  onMode={setWhen}
                  nextSlotAt={nextSlot.data ? nextSlot.data.at : undefined}
                  slotTimeZone={nextSlot.data?.timeZone}
                  postingTimesHref={`/w/${workspace.id}/settings#posting-times`}
                  onEditPostingTimes={hasPermission(workspace, 'channels.manage') ? () => setEditingTimes(true) : undefined}
                  hasChannels={draft.channelIds.length > 0}
                  date={date}
                  time={time}
                  onDate={setDate}
                  onTime={setTime}
                  instant={instant}
                />
              ) : (
                <p className="muted small">{t('composer.when.draftsOnly')}</p>
              )}
              {canSchedule && mode === 'at' ? (
                <BestTimeChips
                  workspaceId={workspace.id}
                  channelIds={draft.channelIds}
                  onPick={(pickedDate, pickedTime) => {
                    setDate(pickedDate);
                    setTime(pickedTime);
                  }}
                />
              ) : null}
              <FormError message={generalError} />
              {placedServer ? <Notice tone="danger">{t('composer.refused')}</Notice> : null}
              <div className="cm-actions">
                <button type="button" className="btn" disabled={saving || draftBlockers.length > 0} onClick={() => void save('draft')} aria-describedby={`${baseId}-draft-why`}>
                  {t('composer.saveDraft')}
                </button>
                {canSchedule ? (
                  <button type="button" className="btn btn-primary" disabled={saving || publishBlockers.length > 0} onClick={() => void save('publish')} aria-describedby={`${baseId}-why`}>
                    {saving ? t('composer.saving') : primaryLabel}
                  </button>
                ) : null}
              </div>
              {canSchedule && publishBlockers.length ? (
                <div className="cm-blockers" id={`${baseId}-why`} data-testid="blockers">
                  <p className="cm-blockers-title">{t('composer.blockers.title', { action: primaryLabel })}</p>
                  <ul>
                    {publishBlockers.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {!canSchedule && draftBlockers.length ? (
                <ul className="cm-blockers" id={`${baseId}-draft-why`}>
                  {draftBlockers.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : (
                <span id={`${baseId}-draft-why`} hidden>
                  {draftBlockers.join('. ')}
                </span>
              )}
            </section>
            {postId ? <PostComments postId={postId} collapsed /> : null}
          </div>

          <Previews workspaceId={workspace.id} channels={selected} draft={draft} uploads={uploads.uploads} preflights={preflights} />
        </div>
      )}
      {/* Posting times edited without leaving the post: the next free slot follows at once. */}
      <Dialog open={editingTimes} title={t('composer.postingTimes')} onClose={() => setEditingTimes(false)} testId="posting-times-dialog" wide>
        <PostingTimesSection workspace={workspace} inDialog />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setEditingTimes(false)}>
            {t('composer.done')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
