// TikTok in the web app: the direct-post panel its guidelines ask for, a phone-screen preview,
// and the creator info read that must answer before a direct post can be scheduled.
import { siTiktok } from 'simple-icons';
import { api } from '../../../web/api/client.ts';
import { i18n } from '../../../web/i18n/i18n.ts';
import type { CreatorInfo } from '../../../web/modules/posts/posts.api.ts';
import type { RuleIssue } from '../../../shared/publishing-rules.ts';
import type { NetworkWeb } from '../../web-types.ts';
import { TikTokPanel } from './options-panel.tsx';
import { TikTokPreview } from './preview.tsx';

/** TikTok's guidelines ask for rules the API cannot know were shown; the composer enforces them. */
function composerIssues(settings: Record<string, unknown>): RuleIssue[] {
  if (settings.mode === 'inbox') return [];
  if (settings.discloseCommercial && !settings.brandContent && !settings.brandOrganic) {
    return [{ field: 'settings.commercial', message: 'TikTok: say whether this promotes your brand, a third party, or both', key: 'network-tiktok:rules.commercialChoice' }];
  }
  return [];
}

export const web: NetworkWeb = {
  mark: { title: siTiktok.title, hex: siTiktok.hex, path: siTiktok.path },
  textNoun: 'caption',
  // Interactions start off, as TikTok's guidelines require; the user turns on what they want.
  OptionsPanel: TikTokPanel,
  Preview: TikTokPreview,
  preflight: {
    query: ({ workspaceId, channel, settings }) => ({
      queryKey: ['workspaces', workspaceId, 'channels', channel.id, 'creator-info'],
      queryFn: () => api.get<CreatorInfo>(`/api/v1/workspaces/${workspaceId}/channels/${channel.id}/creator-info`),
      // Creator info concerns direct posts (and needs video.publish): inbox drafts go without it.
      enabled: !channel.missingFeatures.includes('publish') && settings.mode !== 'inbox',
    }),
    limits(stored, data) {
      const info = data as CreatorInfo | undefined;
      return info ? { ...stored, privacyLevelOptions: info.privacyLevelOptions, maxVideoPostDurationSec: info.maxVideoPostDurationSec } : stored;
    },
    waiting: (channel, preflight) =>
      preflight.enabled && !preflight.data ? i18n.t('network-tiktok:web.waiting', { account: channel.displayName ?? i18n.t('network-tiktok:web.thisAccount') }) : null,
  },
  composerIssues,
  // The disclosure switch is the panel's own: a stored post with a brand choice had it on.
  settingsFromStored: (settings) => (settings.brandContent || settings.brandOrganic ? { ...settings, discloseCommercial: true } : settings),
  toApiSettings: ({ discloseCommercial: _panelOnly, ...rest }) => rest,
};
