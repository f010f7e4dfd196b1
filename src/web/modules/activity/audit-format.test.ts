import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/activity.json' with { type: 'json' };
import fr from '../../locales/fr/activity.json' with { type: 'json' };
import { actionLabel, actorLabel, describeChanges, entityTypeLabel, kindFilters, kindLabel } from './audit-format.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { activity: en }, fr: { activity: fr } }, lng: 'en', fallbackLng: 'en', defaultNS: 'activity', interpolation: { escapeValue: false } });
const tEn = i18n.getFixedT('en', 'activity');
const tFr = i18n.getFixedT('fr', 'activity');

describe('audit rows in words', () => {
  it('names an action in the reader’s language, and an unknown code as itself', () => {
    expect(actionLabel(tEn, 'comment.created')).toBe('Commented');
    expect(actionLabel(tFr, 'channel.connected')).toBe('Canal connecté');
    expect(actionLabel(tFr, 'future.thing')).toBe('future.thing');
  });

  it('describes changes with field names, known values and resolved names', () => {
    expect(describeChanges(tEn, { role: { from: 'editor', to: 'admin' }, reason: 'invalid_password', postId: 'p1', channelId: 'c1', mediaLibraryEnabled: true }, { c1: 'Café' })).toEqual([
      'role: editor → admin',
      'reason: wrong password',
      'channel: Café',
      'media library enabled: yes',
    ]);
    expect(describeChanges(tFr, { timeZone: { from: null, to: 'Europe/Paris' }, title: '' })).toEqual(['fuseau horaire\u00a0: Europe/Paris', 'titre\u00a0: (aucun)']);
    expect(describeChanges(tEn, null)).toEqual([]);
  });

  it('labels filters, entity types and actors', () => {
    expect(kindFilters.map((k) => kindLabel(tEn, k))).toEqual(['Everything', 'Posts and comments', 'Channels', 'Members', 'Settings', 'Sign-ins']);
    expect(entityTypeLabel(tFr, 'comment')).toBe('Commentaire sur');
    expect(entityTypeLabel(tEn, 'new_kind')).toBe('new kind');
    expect(actorLabel(tFr, { actorUserId: 'deleted-user:1', actorName: null, actorEmail: null })).toBe('Un ancien membre');
    expect(actorLabel(tEn, { actorUserId: null, actorName: null, actorEmail: null })).toBe('Herald');
    expect(actorLabel(tEn, { actorUserId: 'u', actorName: null, actorEmail: 'a@b.c' })).toBe('a@b.c');
  });
});
