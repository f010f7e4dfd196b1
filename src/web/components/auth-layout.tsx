import type { ReactNode } from 'react';
import { Brand } from './brand.tsx';
import { LanguageSelect } from './language-select.tsx';

/** The centred card every signed-out page uses, with the language menu under it. */
export function AuthLayout({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <Brand />
        <h1>{title}</h1>
        {intro ? <div className="auth-intro">{intro}</div> : null}
        {children}
      </div>
      {footer ? <div className="auth-footer">{footer}</div> : null}
      <LanguageSelect />
    </main>
  );
}
