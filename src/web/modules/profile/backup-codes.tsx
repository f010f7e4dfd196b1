import { CopyButton } from '../../components/copy-button.tsx';

export function BackupCodes({ codes }: { codes: string[] }) {
  return (
    <div className="backup-codes">
      <ul className="codes" aria-label="Backup codes" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <CopyButton text={codes.join('\n')} label="Copy codes" className="btn btn-sm" />
    </div>
  );
}
