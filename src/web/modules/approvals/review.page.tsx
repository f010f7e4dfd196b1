import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { FullPageMessage, Loading } from '../../components/status.tsx';
import { NetworkMark } from '../../components/network-mark.tsx';
import { networkLabel } from '../../components/networks.ts';
import { publishingRules } from '../../../shared/publishing-rules.ts';
import { isNetworkId } from '../../../shared/networks.ts';
import type { Channel } from '../channels/channels.api.ts';
import type { Upload } from '../posts/composer-model.ts';
import { Preview } from '../posts/composer-preview.tsx';
import { StateBadge, formatInZone, userTimeZone } from '../posts/post-state.tsx';
import type { Media } from '../posts/posts.api.ts';
import { ReviewHistory } from './review-panel.tsx';
import '../posts/composer.css';
import '../posts/post.css';
import './approvals.css';

type LinkMedia = { mediaId: string; altText?: string; url: string };
type LinkContent = { text: string; media: LinkMedia[]; threadParts: { text: string; media: LinkMedia[] }[]; firstComment: string | null };
type LinkPost = {
  id: string;
  state: string;
  publishAt: string | null;
  timeZone: string;
  review: { overdue: boolean; approvedAt: string | null; approvedByName: string | null };
  deliveries: { id: string; channelId: string; network: string; channel: { username: string | null; displayName: string | null } | null; content: LinkContent; settings: Record<string, unknown> }[];
  reviews: { decision: string; comment: string | null; actorName: string; createdAt: string }[];
};
type LinkPage = { workspaceName: string; recipientName: string; expiresAt: string; files: { mediaId: string; kind: string; fileName: string; url: string }[]; posts: LinkPost[] };

const pageKey = (token: string) => ['review-link', token] as const;

/** The files of the link as the network previews take them (already uploaded, served through the link). */
function uploadsOf(page: LinkPage): Record<string, Upload> {
  return Object.fromEntries(
    page.files.map((f) => [
      f.mediaId,
      { key: f.mediaId, fileName: f.fileName, kind: f.kind as Upload['kind'], previewUrl: f.url, progress: 1, state: 'ready', error: null, media: { url: f.url } as unknown as Media, resumable: false },
    ]),
  );
}

/** The previews need a channel: the link gives its name and network, nothing more. */
const channelOf = (d: LinkPost['deliveries'][number]) =>
  ({ id: d.channelId, network: d.network, username: d.channel?.username ?? null, displayName: d.channel?.displayName ?? null, avatar: null, instance: null, status: 'ok', limits: {} }) as unknown as Channel;

function PostForReview({ token, post, uploads }: { token: string; post: LinkPost; uploads: Record<string, Upload> }) {
  const { t } = useTranslation('approvals');
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'request_changes') => api.post<LinkPost>(`/api/v1/review/${token}/posts/${post.id}/decision`, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: (_post, decision) => {
      setDone(decision === 'approve' ? t('link.approved') : t('link.commentSent'));
      setComment('');
      void queryClient.invalidateQueries({ queryKey: pageKey(token) });
    },
  });
  const errors = formErrors(decide.error, ['comment']);
  const zone = userTimeZone();
  return (
    <article className="card rv-post" data-testid="review-post" data-post-id={post.id}>
      <div className="rv-post-head">
        <div>
          <StateBadge state={post.state} kind="post" />{' '}
          {post.publishAt ? (
            <span>
              <Trans t={t} i18nKey="link.plannedFor" values={{ when: formatInZone(post.publishAt, zone) }} components={{ time: <time dateTime={post.publishAt} /> }} />
            </span>
          ) : (
            <span className="muted">{t('link.noTime')}</span>
          )}
        </div>
        {post.review.overdue ? <span className="badge state-badge state-failed">{t('link.overdue')}</span> : null}
      </div>
      <div className="rv-previews">
        {post.deliveries.map((d) => {
          const rules = isNetworkId(d.network) ? publishingRules[d.network] : null;
          return (
            <div key={d.id} className="cm-preview" data-testid={`review-preview-${d.network}`}>
              <div className="rv-preview-label">
                <NetworkMark network={d.network} />
                {networkLabel(d.network)}
              </div>
              <Preview
                uploads={uploads}
                preflight={{ error: null, isPending: false, enabled: false }}
                content={{
                  channel: channelOf(d),
                  text: d.content.text,
                  media: d.content.media.map((m) => ({ key: m.mediaId, altText: m.altText ?? '' })),
                  threadParts: rules?.replyChains ? d.content.threadParts.map((p) => p.text) : [],
                  firstComment: d.content.firstComment,
                  settings: d.settings,
                }}
              />
            </div>
          );
        })}
      </div>
      {post.reviews.length ? (
        <>
          <h3 className="ap-links-title">{t('link.history')}</h3>
          <ReviewHistory items={post.reviews} />
        </>
      ) : null}
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
      {post.state === 'in_review' ? (
        <div className="rv-decide">
          <label className="field">
            <span className="field-label">{t('link.comment')}</span>
            <textarea rows={3} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-link-comment" />
          </label>
          <FormError message={errors.field('comment') ?? errors.general} />
          <div className="ap-buttons">
            <button type="button" className="btn btn-primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')} data-testid="review-link-approve">
              {t('link.approve')}
            </button>
            <button type="button" className="btn" disabled={decide.isPending || !comment.trim()} onClick={() => decide.mutate('request_changes')} data-testid="review-link-request-changes">
              {t('link.requestChanges')}
            </button>
          </div>
        </div>
      ) : post.state === 'changes_requested' ? (
        <p className="muted">{t('link.changesRequested')}</p>
      ) : post.review.approvedAt ? (
        <p className="muted">{t('link.approvedBy', { name: post.review.approvedByName })}</p>
      ) : null}
    </article>
  );
}

/** The page a client opens from a review link, without an account. */
export function ReviewLinkPage() {
  const { t } = useTranslation('approvals');
  const { token = '' } = useParams();
  const page = useQuery({ queryKey: pageKey(token), queryFn: () => api.get<LinkPage>(`/api/v1/review/${token}`), retry: false });
  if (page.isPending) return <Loading fullPage />;
  if (page.error) {
    // The client reads this page in their own language: the three known reasons are said here,
    // anything else as the server put it.
    const reason = (['expired', 'revoked', 'not_found'] as const).find((code) => isApiError(page.error, `review_link.${code}`));
    return (
      <FullPageMessage title={t(`link.error.${reason ?? 'broken'}.title`)}>
        <p data-testid="review-link-error">{reason ? t(`link.error.${reason}.body`) : page.error.message}</p>
      </FullPageMessage>
    );
  }
  const data = page.data;
  const uploads = uploadsOf(data);
  return (
    <main className="rv-page" data-testid="review-page">
      <header className="rv-head">
        <p className="muted small">{t('link.brand')}</p>
        <h1>{t('link.title', { workspace: data.workspaceName })}</h1>
        <p className="muted">{t('link.intro', { name: data.recipientName, expires: formatInZone(data.expiresAt, userTimeZone()) })}</p>
      </header>
      {data.posts.length === 0 ? <p className="card">{t('link.empty')}</p> : null}
      {data.posts.map((post) => (
        <PostForReview key={post.id} token={token} post={post} uploads={uploads} />
      ))}
    </main>
  );
}
