import { describe, expect, it } from 'vitest';
import { englishOf } from '../../i18n/stored-words.ts';
import { ref, sayMessage } from '../notifications/notification-message.ts';
import { accessEndingReason } from './access-ending.ts';
import { reasonOf, reconnectBecause, sayStatusReason, statusReasonValue, statusWords, storedReason } from './status-reason.ts';

// The English of each reason is built from its words: these are the sentences Herald stored before
// the words were kept, byte for byte, so API clients and older rows read what they always did.

const nbsp = '\u00a0';
const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-07T10:00:00Z');
const asStored = (reason: ReturnType<typeof reasonOf>) => ({ ...storedReason(reason), statusReasonKey: reason.words?.key ?? null });

describe('a channel status reason', () => {
  it('says an ending grant in the English it always had, and in French', () => {
    const grant = { network: 'tiktok', accessTokenExpiresAt: new Date(now.getTime() + 3_600_000), refreshTokenSealed: 'sealed', refreshTokenExpiresAt: new Date('2026-12-12T08:00:00Z') };
    const ends = accessEndingReason(grant, true, now);
    expect(ends.message).toBe(
      'TikTok grants Herald access for a limited time and no refresh can extend it: it ends on 12 December 2026 (UTC). Connect the account again before then to keep publishing; the channel and its posts stay.',
    );
    expect(sayStatusReason(asStored(ends), 'en')).toBe(ends.message);
    expect(sayStatusReason(asStored(ends), 'fr')).toBe(
      `TikTok n’accorde à Herald qu’un accès limité dans le temps, qu’aucun renouvellement ne peut prolonger${nbsp}: il prend fin le 12 décembre 2026 (UTC). Reconnectez le compte avant cette date pour continuer à publier${nbsp}; le canal et ses publications sont conservés.`,
    );

    const ended = accessEndingReason({ ...grant, refreshTokenSealed: null, accessTokenExpiresAt: new Date(now.getTime() - DAY) }, false, now);
    expect(ended.message).toBe(
      'TikTok grants Herald access for a limited time and no refresh can extend it: it ended on 6 December 2026. Connect the account again before then to keep publishing; the channel and its posts stay.',
    );
    expect(sayStatusReason(asStored(ended), 'fr')).toContain(`il a pris fin le 6 décembre 2026. Reconnectez le compte pour continuer à publier`);
  });

  it('says a rejected token, and what to do about it, as before in English', () => {
    const rejected = reasonOf(statusWords('channel.tokenRejected', { network: 'Mastodon' }));
    expect(rejected.message).toBe('Mastodon rejected the access token');
    const afterRefresh = reasonOf(statusWords('channel.tokenRejectedAfterRefresh', { network: 'X' }));
    expect(afterRefresh.message).toBe('X rejected the access token even after a refresh');
    const thrown = reconnectBecause(afterRefresh);
    expect(thrown.message).toBe('X rejected the access token even after a refresh: connect the account again');
    expect(sayMessage('status', thrown.words!, 'fr')).toBe(`X a refusé le jeton d’accès, même après son renouvellement${nbsp}: reconnectez le compte`);
    // A network's own text (no words) stays as written inside the French sentence.
    const own = reconnectBecause({ message: "Facebook refused Herald's access: the account password was changed", words: null });
    expect(own.message).toBe("Facebook refused Herald's access: the account password was changed: connect the account again");
    expect(sayMessage('status', own.words!, 'fr')).toBe(`Facebook refused Herald's access: the account password was changed${nbsp}: reconnectez le compte`);
  });

  it('keeps the English of the refusals withChannelToken throws', () => {
    expect(reasonOf(statusWords('channel.notConnected')).message).toBe('This channel is not connected');
    expect(reasonOf(statusWords('channel.needsReconnect')).message).toBe('This channel needs to be connected again');
    expect(reasonOf(statusWords('channel.networkNotEnabled', { network: 'tiktok' })).message).toBe('tiktok is not enabled on this Herald');
    expect(reasonOf(statusWords('channel.refreshUnanswered', { network: 'TikTok' })).message).toBe('TikTok did not answer the token refresh; try again shortly');
    expect(reasonOf(statusWords('channel.refreshRejected', { network: 'TikTok' })).message).toBe('TikTok rejected the token refresh: connect the account again');
  });

  it('is shown as stored when it has no words (a network’s text, a marker, a row from before the words)', () => {
    const row = { statusReason: 'revoke_pending', statusReasonKey: null, statusReasonValues: null };
    expect(sayStatusReason(row, 'fr')).toBe('revoke_pending');
    expect(statusReasonValue(row)).toBe('revoke_pending');
    expect(sayStatusReason({ statusReason: null, statusReasonKey: null, statusReasonValues: null }, 'fr')).toBeNull();
  });

  it('is quoted by the pre-flight notice in its reader’s language', () => {
    const ends = accessEndingReason({ network: 'tiktok', accessTokenExpiresAt: null, refreshTokenSealed: 'sealed', refreshTokenExpiresAt: new Date('2026-12-12T08:00:00Z') }, true, now);
    const problem = ref('preflight.expiringBecause', { account: '@herald', reason: statusReasonValue(asStored(ends))! });
    expect(sayMessage('notifications', problem, 'en')).toBe(`Herald's access to @herald is about to expire (${ends.message}). Connect the account again if this lasts.`);
    expect(sayMessage('notifications', problem, 'fr')).toContain('va bientôt expirer (TikTok n’accorde à Herald qu’un accès limité');
  });
});

describe('a webhook turned off by Herald', () => {
  it('says why in the English it always had, and in French', () => {
    expect(englishOf('status', ref('status:webhook.failures', { count: 15 }))).toBe('Turned off by Herald after 15 failed deliveries in a row');
    expect(englishOf('status', ref('status:webhook.failingDay'))).toBe('Turned off by Herald after every delivery failed for 24 hours');
    expect(sayMessage('status', ref('status:webhook.failures', { count: 15 }), 'fr')).toBe('Désactivé par Herald après 15 envois en échec d’affilée');
    // Inside the notification, which is in the `notifications` namespace.
    const note = ref('webhook.disabled.body', { url: 'https://hooks.example', reason: ref('status:webhook.failingDay') });
    expect(sayMessage('notifications', note, 'en')).toBe(
      'https://hooks.example kept failing. Turned off by Herald after every delivery failed for 24 hours. Events are no longer sent to it; fix the receiver, then turn the endpoint on again on the API and webhooks page.',
    );
    expect(sayMessage('notifications', note, 'fr')).toContain('Désactivé par Herald après 24 heures d’envois tous en échec.');
  });
});
