import { and, eq } from 'drizzle-orm';
import type { NetworkId } from '../../../shared/networks.ts';
import type { Db } from '../../db/database.ts';
import { channelAvatars, channels } from '../../db/schema/index.ts';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError } from '../../providers/guarded-fetch.ts';

const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 8000;
const imageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

let privateAllowedFor: ReadonlySet<NetworkId> = new Set();
/**
 * Set once at start from the allow-http settings (tests and the offline demo run their networks
 * on loopback): only those networks' avatars may come from a private address.
 */
export function configureAvatarFetch(settings: { allowPrivateFor: NetworkId[] }) {
  privateAllowedFor = new Set(settings.allowPrivateFor);
}

/** The channel's own server (a Mastodon instance or Bluesky PDS) was vetted when it was connected. */
function sameServer(url: URL, instance: string | null): boolean {
  if (!instance) return false;
  return instance.includes('://') ? url.origin === new URL(instance).origin : url.host === instance;
}

/**
 * Fetches an account's picture from the URL its network gave, on the server, so the browser never
 * asks the network: best effort, null when the CDN is slow, down, too big or not an image.
 */
export async function fetchAvatar(account: { network: string; instance: string | null; avatarUrl: string | null }): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!account.avatarUrl) return null;
  let url: URL;
  try {
    url = new URL(account.avatarUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && sameServer(url, account.instance))) return null;
  try {
    // An avatar URL comes from the network's answer (even one on the channel's own server, whose
    // name may point elsewhere by now): it must not make Herald fetch from the operator's own network.
    const response = await guardedFetch(url, {}, { allowPrivate: privateAllowedFor.has(account.network as NetworkId), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (response.status !== 200 || !imageTypes.has(contentType) || Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length === 0 || bytes.length > MAX_BYTES) return null;
    return { contentType, bytes };
  } catch (error) {
    if (error instanceof HostNotPublicError || error instanceof AnswerTooLargeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'TypeError' || error.name === 'AbortError'))) return null;
    throw error;
  }
}

/**
 * Copies the channel's avatar into Herald, best effort: a network CDN that is slow, down, too big
 * or not an image leaves the previous copy (or the initials) in place. Answers whether it stored one.
 */
export async function cacheAvatar(db: Db, channel: { id: string; network: string; instance: string | null; avatarUrl: string | null }): Promise<boolean> {
  const avatar = await fetchAvatar(channel);
  if (!avatar) return false;
  const now = new Date();
  await db.transaction(async (tx) => {
    const row = { channelId: channel.id, contentType: avatar.contentType, data: avatar.bytes.toString('base64'), fetchedAt: now };
    await tx.insert(channelAvatars).values(row).onConflictDoUpdate({ target: channelAvatars.channelId, set: row });
    await tx.update(channels).set({ avatarCachedAt: now }).where(eq(channels.id, channel.id));
  });
  return true;
}

export async function readAvatar(db: Db, workspaceId: string, channelId: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  const [row] = await db
    .select({ contentType: channelAvatars.contentType, data: channelAvatars.data })
    .from(channelAvatars)
    .innerJoin(channels, eq(channels.id, channelAvatars.channelId))
    .where(and(eq(channelAvatars.channelId, channelId), eq(channels.workspaceId, workspaceId)));
  return row ? { contentType: row.contentType, bytes: Buffer.from(row.data, 'base64') } : null;
}
