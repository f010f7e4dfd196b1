import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Described = { label: string; error?: string; hint?: ReactNode };

/** Wires a label, a hint and an error to one control so screen readers announce all three. */
function FieldFrame({ id, label, error, hint, children, trailing }: Described & { id: string; children: ReactNode; trailing?: ReactNode }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {trailing}
      </div>
      {children}
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, { error, hint }: Described) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function Field({ label, error, hint, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} {...input} />
    </FieldFrame>
  );
}

/** A password input with a Show/Hide switch: typing a long passphrase on a phone is error-prone. */
export function PasswordField({ label, error, hint, ...input }: Described & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  const toggle = (
    <button type="button" className="btn-text small" aria-pressed={visible} aria-controls={id} onClick={() => setVisible(!visible)}>
      {visible ? t('password.hide') : t('password.show')}
    </button>
  );
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} trailing={toggle}>
      <input
        id={id}
        type={visible ? 'text' : 'password'}
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, error, hint })}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, children, ...select }: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function Checkbox({ label, ...input }: { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}
