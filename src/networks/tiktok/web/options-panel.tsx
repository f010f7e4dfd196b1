// TikTok's content sharing guidelines for direct posting, as the panel a TikTok channel shows:
// the creator's name and avatar from creator_info, a privacy level with no default, interactions
// greyed out where the creator turned them off, the commercial content disclosure and its labels,
// and the consent line shown before posting.
import { useEffect, useId } from 'react';
import { Avatar } from '../../../web/components/avatar.tsx';
import { FormError } from '../../../web/components/feedback.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { Loading } from '../../../web/components/status.tsx';
import { NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import type { CreatorInfo } from '../../../web/modules/posts/posts.api.ts';
import type { OptionsPanelProps } from '../../web-types.ts';

const privacyLabels: Record<string, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends (followers you follow back)',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

const musicUrl = 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en';
const brandedUrl = 'https://www.tiktok.com/legal/page/global/bc-policy/en';

export function TikTokPanel({ channel, preflight: creator, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const privacyId = useId();
  const info = creator.data as CreatorInfo | undefined;
  const video = files.find((m) => m.kind === 'video') ?? null;
  const isPhoto = !video && files.length > 0;
  const set = (change: Record<string, unknown>) => onChange({ ...settings, ...change });
  // Without video.publish TikTok allows only inbox drafts, and creator info is not asked for.
  const directOff = channel.missingFeatures.includes('publish');
  const inbox = settings.mode === 'inbox' || directOff;
  const wantsCreatorInfo = !inbox;
  const account = info?.nickname ?? channel.displayName ?? channel.username ?? 'the account';
  useEffect(() => {
    if (directOff && settings.mode !== 'inbox') onChange({ ...settings, mode: 'inbox' });
  }, [directOff, settings, onChange]);
  const disclose = settings.discloseCommercial === true;
  const brandContent = settings.brandContent === true;
  const brandOrganic = settings.brandOrganic === true;
  const privacy = typeof settings.privacyLevel === 'string' ? settings.privacyLevel : '';
  const privacyError = errorFor('settings.privacyLevel');
  const commercialError = errorFor('settings.commercial');
  const media = isPhoto ? 'photo' : 'video';

  const interaction = (key: 'disableComment' | 'disableDuet' | 'disableStitch', label: string, offByCreator: boolean) => (
    <label className={offByCreator ? 'cm-switch is-off' : 'cm-switch'}>
      <input type="checkbox" checked={!offByCreator && settings[key] === false} disabled={offByCreator} onChange={(e) => set({ [key]: !e.target.checked })} />
      <span>
        {label}
        {offByCreator ? <span className="cm-switch-note">Turned off in this account’s TikTok privacy settings</span> : null}
      </span>
    </label>
  );

  return (
    <section className="card cm-network-card" aria-labelledby={`${privacyId}-title`} data-testid="tiktok-panel">
      <NetworkCardHead channel={channel} title="TikTok" id={`${privacyId}-title`}>
        {info ? (
          <span className="cm-creator">
            <Avatar name={info.nickname} src={info.avatar} size="sm" />
            <span>
              Posting as <strong>{info.nickname}</strong> <span className="muted">@{info.username}</span>
            </span>
          </span>
        ) : null}
      </NetworkCardHead>
      {wantsCreatorInfo && creator.isPending ? <Loading label="Asking TikTok about this account…" /> : null}
      <FormError message={wantsCreatorInfo && creator.error ? `${formErrors(creator.error, []).general ?? 'TikTok did not answer'} — posting directly to ${channel.displayName ?? 'this account'} is not possible until it does.` : undefined} />
      {info || !wantsCreatorInfo || creator.error ? (
        <>
          <fieldset className="cm-segment">
            <legend className="label">How to post</legend>
            <label>
              <input type="radio" name={`${privacyId}-mode`} checked={!inbox} disabled={directOff} onChange={() => set({ mode: 'direct' })} />
              <span>Post directly</span>
            </label>
            <label>
              <input type="radio" name={`${privacyId}-mode`} checked={inbox} onChange={() => set({ mode: 'inbox' })} />
              <span>Send to TikTok inbox as a draft</span>
            </label>
          </fieldset>
          {directOff ? (
            <p className="notice" data-testid="tiktok-direct-off">
              Posting directly is off: this account did not give Herald the “video.publish” permission. To turn it on, connect the account again on the Channels page and allow “video.publish”.
            </p>
          ) : null}
          {inbox || !info ? (
            inbox ? <p className="muted small">TikTok notifies {account} to finish the post in the app: caption, sound and who can see it are set there.</p> : null
          ) : (
            <>
              <div className={privacyError ? 'field has-error' : 'field'}>
                <label htmlFor={privacyId}>Who can see this {media}</label>
                <select
                  id={privacyId}
                  value={privacy}
                  aria-invalid={privacyError ? true : undefined}
                  aria-describedby={privacyError ? `${privacyId}-error` : undefined}
                  onChange={(e) => set({ privacyLevel: e.target.value || undefined })}
                >
                  <option value="">Choose who can see it…</option>
                  {info.privacyLevelOptions.map((level) => (
                    <option key={level} value={level} disabled={level === 'SELF_ONLY' && brandContent}>
                      {privacyLabels[level] ?? level}
                      {level === 'SELF_ONLY' && brandContent ? ' (not for branded content)' : ''}
                    </option>
                  ))}
                </select>
                {privacyError ? (
                  <p className="field-error" id={`${privacyId}-error`}>
                    {privacyError}
                  </p>
                ) : null}
              </div>
              <fieldset className="cm-switches">
                <legend className="label">Allow viewers to</legend>
                {interaction('disableComment', 'Comment', info.commentDisabled)}
                {isPhoto ? null : interaction('disableDuet', 'Duet', info.duetDisabled)}
                {isPhoto ? null : interaction('disableStitch', 'Stitch', info.stitchDisabled)}
              </fieldset>
              {video ? (
                <p className={video.durationSeconds !== null && video.durationSeconds > info.maxVideoPostDurationSec ? 'field-error' : 'muted small'}>
                  Video length {video.durationSeconds !== null ? `${Math.round(video.durationSeconds)} s` : 'unknown'}; this account can post up to {info.maxVideoPostDurationSec} s.
                </p>
              ) : null}
              <div className="cm-disclosure">
                <label className="cm-switch">
                  <input
                    type="checkbox"
                    checked={disclose}
                    onChange={(e) => set(e.target.checked ? { discloseCommercial: true } : { discloseCommercial: false, brandContent: false, brandOrganic: false })}
                  />
                  <span>
                    Disclose commercial content
                    <span className="cm-switch-note">Turn on if this {media} promotes yourself, a brand, a product or a service.</span>
                  </span>
                </label>
                {disclose ? (
                  <div className="cm-disclosure-choices">
                    <label className="checkbox">
                      <input type="checkbox" checked={brandOrganic} onChange={(e) => set({ brandOrganic: e.target.checked })} />
                      <span>
                        <strong>Your brand</strong> — you are promoting yourself or your own business
                      </span>
                    </label>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={brandContent}
                        onChange={(e) => set({ brandContent: e.target.checked, ...(e.target.checked && privacy === 'SELF_ONLY' ? { privacyLevel: undefined } : {}) })}
                      />
                      <span>
                        <strong>Branded content</strong> — you are promoting another brand or a third party
                      </span>
                    </label>
                    {brandContent ? (
                      <p className="notice cm-label-notice">Your {media} will be labeled as ‘Paid partnership’. Branded content cannot be private (only me).</p>
                    ) : brandOrganic ? (
                      <p className="notice cm-label-notice">Your {media} will be labeled as ‘Promotional content’.</p>
                    ) : null}
                    {commercialError ? <p className="field-error">{commercialError}</p> : null}
                  </div>
                ) : null}
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={settings.isAigc === true} onChange={(e) => set({ isAigc: e.target.checked })} />
                <span>Label as AI-generated content</span>
              </label>
              <p className="cm-consent" data-testid="tiktok-consent">
                {brandContent ? (
                  <>
                    By posting, you agree to TikTok’s{' '}
                    <a href={brandedUrl} target="_blank" rel="noreferrer">
                      Branded Content Policy
                    </a>{' '}
                    and{' '}
                    <a href={musicUrl} target="_blank" rel="noreferrer">
                      Music Usage Confirmation
                    </a>
                    .
                  </>
                ) : (
                  <>
                    By posting, you agree to TikTok’s{' '}
                    <a href={musicUrl} target="_blank" rel="noreferrer">
                      Music Usage Confirmation
                    </a>
                    .
                  </>
                )}
              </p>
              <p className="muted small">After posting, TikTok may take a few minutes to process the {media} before it appears on the profile.</p>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
