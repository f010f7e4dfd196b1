import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { channels, connectSelections, mastodonApps, oauthStates, pendingRevocations } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * `herald keys:rotate`: re-seals every stored secret that is not sealed with the first (newest)
 * key, in one transaction, so the old keys can then be removed from HERALD_ENCRYPTION_KEYS.
 */
export async function rotateSecrets(db: Db, box: SecretBox): Promise<number> {
  return db.transaction(async (tx) => {
    let count = 0;
    const reseal = (value: string | null, context: string) => {
      if (!value || !box.needsRotation(value)) return value;
      count += 1;
      return box.seal(box.open(value, context), context);
    };
    for (const row of await tx.select().from(channels)) {
      await tx
        .update(channels)
        .set({
          accessTokenSealed: reseal(row.accessTokenSealed, `channel:${row.id}:access`),
          refreshTokenSealed: reseal(row.refreshTokenSealed, `channel:${row.id}:refresh`),
        })
        .where(eq(channels.id, row.id));
    }
    for (const row of await tx.select().from(pendingRevocations)) {
      await tx.update(pendingRevocations).set({ tokenSealed: reseal(row.tokenSealed, `revocation:${row.id}`)! }).where(eq(pendingRevocations.id, row.id));
    }
    for (const row of await tx.select().from(oauthStates)) {
      await tx.update(oauthStates).set({ codeVerifierSealed: reseal(row.codeVerifierSealed, `oauth-state:${row.state}`) }).where(eq(oauthStates.state, row.state));
    }
    // Resealed rather than dropped: they live fifteen minutes, but a rotation must not take away
    // the list a user is picking from right now (the old key may be removed just after).
    for (const row of await tx.select().from(connectSelections)) {
      await tx.update(connectSelections).set({ accountsSealed: reseal(row.accountsSealed, `connect-selection:${row.id}`)! }).where(eq(connectSelections.id, row.id));
    }
    for (const row of await tx.select().from(mastodonApps)) {
      await tx
        .update(mastodonApps)
        .set({ clientSecretSealed: reseal(row.clientSecretSealed, `mastodon-app:${row.instance}`)! })
        .where(eq(mastodonApps.instance, row.instance));
    }
    await recordAudit(tx, { actorUserId: null, action: 'keys.rotated', entityType: 'keys', entityId: box.currentKeyId, changes: { resealed: count } });
    return count;
  });
}
