import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';

type Props = {
  open: boolean;
  title: string;
  phrase: string;
  confirmLabel: string;
  busy: boolean;
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** Irreversible actions ask for the workspace name, so a stray click or the wrong tab cannot trigger them. */
export function ConfirmByTyping({ open, title, phrase, confirmLabel, busy, error, onConfirm, onClose, children }: Props) {
  const { t } = useTranslation('workspaces');
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === phrase;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={() => {
        setTyped('');
        onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm();
        }}
        noValidate
      >
        {children}
        <Field label={t('confirmByTyping.label', { phrase })} autoComplete="off" autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="confirm-phrase" />
        <FormError message={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('confirmByTyping.cancel')}
          </button>
          <button className="btn btn-danger" disabled={!matches || busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
