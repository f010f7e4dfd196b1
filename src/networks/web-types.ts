// The web part every network folder exports from `<id>/web/index.ts(x)`: what the composer,
// the calendar and the Channels page need to know about a network beyond the shared descriptor.
import type { ComponentType } from 'react';
import type { ChannelLimits, RuleIssue } from '../shared/publishing-rules.ts';
import type { Channel } from '../web/modules/channels/channels.api.ts';
import type { MediaSlot, Upload } from '../web/modules/posts/composer-model.ts';
import type { Media } from '../web/modules/posts/posts.api.ts';

/** A brand mark drawn in a 24×24 box (simple-icons' shape), with its brand colour. */
export type BrandMark = { title: string; hex: string; path: string };

/** The state of a channel's pre-flight read (TikTok's creator info), as TanStack Query reports it. */
export type Preflight = { data?: unknown; error: unknown; isPending: boolean; enabled: boolean };

export type PreflightContext = { workspaceId: string; channel: Channel; settings: Record<string, unknown> };

export type OptionsPanelProps = {
  channel: Channel;
  settings: Record<string, unknown>;
  onChange: (settings: Record<string, unknown>) => void;
  /** The first issue of this channel on a field (`settings.privacyLevel`, `media`…). */
  errorFor: (field: string) => string | undefined;
  /** The files this channel posts, once uploaded and probed. */
  files: Media[];
  preflight: Preflight;
};

export type PreviewContent = {
  channel: Channel;
  text: string;
  media: MediaSlot[];
  threadParts: string[];
  firstComment: string | null;
  settings: Record<string, unknown>;
};

export type PreviewProps = { content: PreviewContent; uploads: Record<string, Upload>; preflight: Preflight };

/** `network.connect`: how this Herald connects the network (a network may fall back to app passwords where its OAuth is impossible). */
export type ConnectFormProps = { workspaceId: string; network: { id: string; label: string; connect?: string }; onConnected: (channel: Channel) => void };

export type NetworkWeb = {
  mark: BrandMark | null;
  /** What the network calls a post's text, in lower case ("caption" on TikTok). */
  textNoun: string;
  OptionsPanel: ComponentType<OptionsPanelProps>;
  Preview: ComponentType<PreviewProps>;
  /** The Channels page's connect form, for a network that is not connected by OAuth alone. */
  ConnectForm?: ComponentType<ConnectFormProps>;
  /** A read the composer makes before a post can be published (TikTok: creator info). */
  preflight?: {
    query(context: PreflightContext): { queryKey: readonly unknown[]; queryFn: () => Promise<unknown>; enabled: boolean };
    /** The channel's limits once the read answered (the server checks the same answer). */
    limits(stored: ChannelLimits, data: unknown): ChannelLimits;
    /** Why publishing must wait for the read, or null. */
    waiting(channel: Channel, preflight: Preflight): string | null;
  };
  /** Rules the composer enforces on top of the shared ones (things the API cannot know were shown). */
  composerIssues?(settings: Record<string, unknown>): RuleIssue[];
  /** Stored settings back into the composer's shape (switches that exist only in the panel). */
  settingsFromStored?(settings: Record<string, unknown>): Record<string, unknown>;
  /** Composer settings as the API takes them (the panel's own switches left out). */
  toApiSettings?(settings: Record<string, unknown>): Record<string, unknown>;
};
