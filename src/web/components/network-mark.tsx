import { networkWeb } from '../../networks/web.ts';
import { networkLabel } from './networks.ts';
import { BrandMark } from './brand-mark.tsx';

/** The mark of a network, from the web registry (a neutral mark for a network without one). */
export function NetworkMark({ network, className }: { network: string; className?: string }) {
  return <BrandMark mark={networkWeb(network)?.mark ?? null} label={networkLabel(network)} className={className} />;
}

/**
 * A connected account's picture with its network's mark in the corner; without a picture, the
 * network's mark on a soft background (never the name's initials: the mark says more).
 */
export function ChannelAvatar({ network, src, size = 'md' }: { network: string; src?: string | null; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <span className={`channel-avatar channel-avatar-${size}`} aria-hidden="true">
      {src ? <img className="channel-avatar-image" src={src} alt="" loading="lazy" decoding="async" draggable={false} /> : <NetworkMark network={network} className="channel-avatar-mark" />}
      {src && size !== 'xs' ? (
        <span className="channel-avatar-badge">
          <NetworkMark network={network} />
        </span>
      ) : null}
    </span>
  );
}
