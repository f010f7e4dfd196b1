import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/copy-button.tsx';

export function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation('profile');
  return (
    <div className="backup-codes">
      <ul className="codes" aria-label={t('backupCodes.label')} data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <CopyButton text={codes.join('\n')} label={t('backupCodes.copy')} className="btn btn-sm" />
    </div>
  );
}
