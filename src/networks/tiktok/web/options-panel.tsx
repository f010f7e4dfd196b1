// TikTok's content sharing guidelines for direct posting, as the panel a TikTok channel shows:
// the creator's name and avatar from creator_info, a privacy level with no default, interactions
// greyed out where the creator turned them off, the commercial content disclosure and its labels,
// and the consent line shown before posting.
import { useEffect, useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { FormError } from '../../../web/components/feedback.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { Loading } from '../../../web/components/status.tsx';
import { NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import type { CreatorInfo } from '../../../web/modules/posts/posts.api.ts';
import type { OptionsPanelProps } from '../../web-types.ts';
import { tiktok, tiktokPrivacyLevels } from '../descriptor.ts';

// A level TikTok adds later shows as TikTok names it.
const knownLevel = (level: string) => (tiktokPrivacyLevels as readonly string[]).includes(level);

const musicUrl = 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en';
const brandedUrl = 'https://www.tiktok.com/legal/page/global/bc-policy/en';

export function TikTokPanel({ channel, preflight: creator, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-tiktok');
  const privacyId = useId();
  const info = creator.data as CreatorInfo | undefined;
  const video = files.find((m) => m.kind === 'video') ?? null;
  const isPhoto = !video && files.length > 0;
  const set = (change: Record<string, unknown>) => onChange({ ...settings, ...change });
  // Without video.publish TikTok allows only inbox drafts, and creator info is not asked for.
  const directOff = channel.missingFeatures.includes('publish');
  const inbox = settings.mode === 'inbox' || directOff;
  const wantsCreatorInfo = !inbox;
  const account = info?.nickname ?? channel.displayName ?? channel.username ?? t('web.panel.theAccount');
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
        {offByCreator ? <span className="cm-switch-note">{t('web.panel.offByCreator')}</span> : null}
      </span>
    </label>
  );

  return (
    <section className="card cm-network-card" aria-labelledby={`${privacyId}-title`} data-testid="tiktok-panel">
      <NetworkCardHead channel={channel} title={tiktok.label} id={`${privacyId}-title`}>
        {info ? (
          <span className="cm-creator">
            <Avatar name={info.nickname} src={info.avatar} size="sm" />
            <span>
              <Trans t={t} i18nKey="web.panel.postingAs" values={{ name: info.nickname }} components={{ strong: <strong /> }} /> <span className="muted">@{info.username}</span>
            </span>
          </span>
        ) : null}
      </NetworkCardHead>
      {wantsCreatorInfo && creator.isPending ? <Loading label={t('web.panel.asking')} /> : null}
      <FormError message={wantsCreatorInfo && creator.error ? t('web.panel.unreachable', { reason: formErrors(creator.error, []).general ?? t('web.panel.noAnswer'), account: channel.displayName ?? t('web.thisAccount') }) : undefined} />
      {info || !wantsCreatorInfo || creator.error ? (
        <>
          <fieldset className="cm-segment">
            <legend className="label">{t('web.panel.howToPost')}</legend>
            <label>
              <input type="radio" name={`${privacyId}-mode`} checked={!inbox} disabled={directOff} onChange={() => set({ mode: 'direct' })} />
              <span>{t('web.panel.direct')}</span>
            </label>
            <label>
              <input type="radio" name={`${privacyId}-mode`} checked={inbox} onChange={() => set({ mode: 'inbox' })} />
              <span>{t('web.panel.inbox')}</span>
            </label>
          </fieldset>
          {directOff ? (
            <p className="notice" data-testid="tiktok-direct-off">
              {t('web.panel.directOff')}
            </p>
          ) : null}
          {inbox || !info ? (
            inbox ? <p className="muted small">{t('web.panel.inboxNote', { account })}</p> : null
          ) : (
            <>
              <div className={privacyError ? 'field has-error' : 'field'}>
                <label htmlFor={privacyId}>{t(`web.panel.${media}.whoCanSee`)}</label>
                <select
                  id={privacyId}
                  value={privacy}
                  aria-invalid={privacyError ? true : undefined}
                  aria-describedby={privacyError ? `${privacyId}-error` : undefined}
                  onChange={(e) => set({ privacyLevel: e.target.value || undefined })}
                >
                  <option value="">{t('web.panel.chooseWho')}</option>
                  {info.privacyLevelOptions.map((level) => (
                    <option key={level} value={level} disabled={level === 'SELF_ONLY' && brandContent}>
                      {knownLevel(level) ? t(`web.panel.privacy.${level}`) : level}
                      {level === 'SELF_ONLY' && brandContent ? t('web.panel.notForBranded') : ''}
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
                <legend className="label">{t('web.panel.allowViewers')}</legend>
                {interaction('disableComment', t('web.panel.comment'), info.commentDisabled)}
                {isPhoto ? null : interaction('disableDuet', t('web.panel.duet'), info.duetDisabled)}
                {isPhoto ? null : interaction('disableStitch', t('web.panel.stitch'), info.stitchDisabled)}
              </fieldset>
              {video ? (
                <p className={video.durationSeconds !== null && video.durationSeconds > info.maxVideoPostDurationSec ? 'field-error' : 'muted small'}>
                  {t('web.panel.videoLength', {
                    length: video.durationSeconds !== null ? t('web.panel.seconds', { count: Math.round(video.durationSeconds) }) : t('web.panel.unknownLength'),
                    max: info.maxVideoPostDurationSec,
                  })}
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
                    {t('web.panel.disclose')}
                    <span className="cm-switch-note">{t(`web.panel.${media}.discloseNote`)}</span>
                  </span>
                </label>
                {disclose ? (
                  <div className="cm-disclosure-choices">
                    <label className="checkbox">
                      <input type="checkbox" checked={brandOrganic} onChange={(e) => set({ brandOrganic: e.target.checked })} />
                      <span>
                        <Trans t={t} i18nKey="web.panel.yourBrand" components={{ strong: <strong /> }} />
                      </span>
                    </label>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={brandContent}
                        onChange={(e) => set({ brandContent: e.target.checked, ...(e.target.checked && privacy === 'SELF_ONLY' ? { privacyLevel: undefined } : {}) })}
                      />
                      <span>
                        <Trans t={t} i18nKey="web.panel.brandedContent" components={{ strong: <strong /> }} />
                      </span>
                    </label>
                    {brandContent ? (
                      <p className="notice cm-label-notice">{t(`web.panel.${media}.paidLabel`)}</p>
                    ) : brandOrganic ? (
                      <p className="notice cm-label-notice">{t(`web.panel.${media}.promotionalLabel`)}</p>
                    ) : null}
                    {commercialError ? <p className="field-error">{commercialError}</p> : null}
                  </div>
                ) : null}
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={settings.isAigc === true} onChange={(e) => set({ isAigc: e.target.checked })} />
                <span>{t('web.panel.aigc')}</span>
              </label>
              <p className="cm-consent" data-testid="tiktok-consent">
                <Trans
                  t={t}
                  i18nKey={brandContent ? 'web.panel.consentBranded' : 'web.panel.consent'}
                  components={{ branded: <a href={brandedUrl} target="_blank" rel="noreferrer" />, music: <a href={musicUrl} target="_blank" rel="noreferrer" /> }}
                />
              </p>
              <p className="muted small">{t(`web.panel.${media}.processing`)}</p>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
