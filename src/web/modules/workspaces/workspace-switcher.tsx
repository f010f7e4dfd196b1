import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { roleLabel } from '../../components/format.ts';
import { CheckIcon, ChevronIcon, PlusIcon } from '../../components/icons.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { useSignedInUser } from '../auth/require-user.tsx';

/** Switching keeps the page the user is on, unless the other workspace's role cannot open it. */
function targetPath(workspace: MyWorkspace, pathname: string): string {
  const section = /^\/w\/[^/]+\/([^/?#]+)/.exec(pathname)?.[1] ?? 'members';
  if (section === 'activity' && !workspace.permissions.includes('audit.read')) return `/w/${workspace.id}/members`;
  return `/w/${workspace.id}/${section}`;
}

/** A disclosure listing the user's workspaces with their role in each, and "New workspace". */
export function WorkspaceSwitcher({ current }: { current: MyWorkspace | undefined }) {
  const { t } = useTranslation('workspaces');
  const me = useSignedInUser();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const items = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>('.switcher-menu a') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    if (!open) setOpen(true);
    // Wait for the list to be shown before moving focus into it.
    requestAnimationFrame(() => {
      const links = items();
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = e.key === 'ArrowDown' ? (index + 1) % links.length : (index <= 0 ? links.length : index) - 1;
      links[next]?.focus();
    });
  };

  return (
    <div className="switcher" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="switcher-button" data-testid="workspace-switcher" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <Avatar name={current?.name ?? '+'} square size="sm" />
        <span className="switcher-text">
          <span className="visually-hidden">{t('switcher.label')}</span>
          <span className="switcher-name">{current?.name ?? (me.workspaces.length ? t('switcher.choose') : t('switcher.none'))}</span>
          {current ? <span className="switcher-role">{roleLabel(current.role)}</span> : null}
        </span>
        <ChevronIcon />
      </button>
      {/* Rendered only while open, so a closed menu's names are not found again on the page. */}
      {open ? (
        <div id={menuId} className="switcher-menu" data-testid="workspace-switcher-menu">
          {me.workspaces.length ? <p className="switcher-heading">{t('switcher.heading')}</p> : null}
          <ul>
            {me.workspaces.map((w) => (
              <li key={w.id}>
                <Link to={targetPath(w, location.pathname)} aria-current={w.id === current?.id ? 'true' : undefined} data-testid="workspace-option">
                  <Avatar name={w.name} square size="sm" />
                  <span className="switcher-option-text">
                    <span className="switcher-option-name">{w.name}</span>
                    <span className="switcher-option-role">{roleLabel(w.role)}</span>
                  </span>
                  <span className="switcher-check">{w.id === current?.id ? <CheckIcon /> : null}</span>
                </Link>
              </li>
            ))}
          </ul>
          <Link to="/new-workspace" className="switcher-new" data-testid="new-workspace-link">
            <PlusIcon /> {t('switcher.new')}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
