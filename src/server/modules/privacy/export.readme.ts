import { translator } from '../../i18n/i18n.ts';
import type { Language } from '../../../shared/languages.ts';

// The archive's files in the order the README lists them, each with the key of its description
// (namespace `export`). The names are the files' real names, the same in every language.
const files: readonly [names: readonly string[], key: string][] = [
  [['profile.json'], 'profile'],
  [['avatar.webp'], 'avatar'],
  [['workspaces.json'], 'workspaces'],
  [['channels.json'], 'channels'],
  [['posts.json'], 'posts'],
  [['comments.json'], 'comments'],
  [['feeds.json'], 'feeds'],
  [['snippets.json'], 'snippets'],
  [['media.json', 'media/'], 'media'],
  [['analytics.json'], 'analytics'],
  [['analytics-history.json'], 'analyticsHistory'],
  [['analytics-daily.json'], 'analyticsDaily'],
  [['audit-log.json'], 'auditLog'],
  [['access-log.json'], 'accessLog'],
  [['notifications.json'], 'notifications'],
];

/** The README.md at the root of every export: what each file holds, in plain words, in the reader's language. */
export function exportReadme(language: Language, retentionHours: number): string {
  const t = translator(language, 'export');
  const names = new Intl.ListFormat(language, { type: 'conjunction' });
  const rows = files.map(([fileNames, key]) => `| ${names.format(fileNames.map((name) => `\`${name}\``))} | ${t(`readme.files.${key}`)} |`);
  return `# ${t('readme.title')}

${t('readme.intro', { count: retentionHours })}

| ${t('readme.fileColumn')} | ${t('readme.contentColumn')} |
| --- | --- |
${rows.join('\n')}

${t('readme.closing')}
`;
}
