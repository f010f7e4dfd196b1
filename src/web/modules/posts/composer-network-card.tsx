// Pieces every network's options panel is built from, so the panels look alike.
import type { ReactNode } from 'react';
import { i18n } from '../../i18n/i18n.ts';
import { Avatar } from '../../components/avatar.tsx';
import { NetworkMark } from '../../components/network-mark.tsx';
import type { Channel } from '../channels/channels.api.ts';

/** The panel's heading: the network's mark and name, then who posts (the account by default). */
export function NetworkCardHead({ channel, title, id, children }: { channel: Channel; title: string; id: string; children?: ReactNode }) {
  return (
    <div className="cm-network-head">
      <NetworkMark network={channel.network} className="cm-network-mark" />
      <h2 id={id}>{title}</h2>
      {children === undefined ? (
        <span className="cm-creator">
          <Avatar name={channel.displayName ?? channel.username ?? title} src={channel.avatar} size="sm" />
          <span className="muted">@{channel.username}</span>
        </span>
      ) : (
        children
      )}
    </div>
  );
}

export function FieldMessage({ message, id }: { message: string | undefined; id: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

const postLanguageCodes = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ja', 'ko', 'zh'];
const capitalised = (word: string, language: string) => word.charAt(0).toLocaleUpperCase(language) + word.slice(1);

/**
 * Languages offered for a post's language setting (the most used first), named in the interface's
 * language at the time of the call, so the names follow a language switch.
 */
export function postLanguages(): [string, string][] {
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return postLanguageCodes.map((code) => [code, capitalised(names.of(code) ?? code, i18n.language)]);
}
