import { describe, expect, it } from 'vitest';
import { notificationMail } from './notification-mail.ts';

describe('notification e-mail', () => {
  const input = { to: 'ann@example.com', workspaceName: 'Acme', category: 'failures', title: 'Post failed', body: 'Mastodon refused it.', link: '/w/1/posts/2' };

  it('frames the notification in English by default', () => {
    const mail = notificationMail(input, 'https://herald.example/');
    expect(mail.subject).toBe('[Acme] Post failed');
    expect(mail.text).toContain('Open it in Herald: https://herald.example/w/1/posts/2');
    expect(mail.text).toContain('Workspace: Acme. You get this e-mail because "Failed posts" e-mails are on for you.');
    expect(mail.text).toContain('E-mail settings (choose which e-mails you get): https://herald.example/profile#email-notifications');
  });

  it('frames it in the language the recipient chose', () => {
    const mail = notificationMail({ ...input, language: 'fr' }, 'https://herald.example');
    expect(mail.text).toContain('Ouvrir dans Herald\u00a0: https://herald.example/w/1/posts/2');
    expect(mail.text).toContain('Espace de travail\u00a0: Acme. Vous recevez cet e-mail car les e-mails «\u00a0Publications en échec\u00a0» sont activés pour vous.');
    expect(mail.text).toContain('https://herald.example/profile#email-notifications');
  });
});
