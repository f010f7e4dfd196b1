import type { ReactNode } from 'react';

/** A form's error that concerns no single input; announced as soon as it appears. */
export function FormError({ message }: { message: string | undefined | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function Notice({ children, tone = 'info', title }: { children: ReactNode; tone?: 'info' | 'warn' | 'success' | 'danger'; title?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      {title ? <strong className="notice-title">{title}</strong> : null}
      <div>{children}</div>
    </div>
  );
}
