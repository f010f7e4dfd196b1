import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/avatar.tsx';
import { insertMention, matchingMembers, mentionQueryAt, type Mentionable } from './mentions.ts';

type Member = Mentionable & { image?: string | null };
type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A member picked from the list (the caller keeps them to send their ids). */
  onMention: (member: Member) => void;
  members: Member[];
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
  onSubmitShortcut?: () => void;
};

/**
 * A textarea where typing @ lists the workspace's members (a combobox: arrows move, Enter or Tab
 * picks, Escape closes), so a mention is always a real member, sent by id.
 */
export function MentionTextarea({ label, value, onChange, onMention, members, error, placeholder, autoFocus, onSubmitShortcut }: Props) {
  const { t } = useTranslation('comments');
  const id = useId();
  const listId = `${id}-members`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = at ? matchingMembers(members, at.query) : [];
  const open = options.length > 0;

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setAt(next);
    if (next?.query !== at?.query) setActive(0);
  };
  const pick = (member: Member) => {
    if (!at) return;
    const next = insertMention(value, at, member);
    onChange(next.text);
    onMention(member);
    setAt(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(options[active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setAt(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
    }
  };

  return (
    <div className={error ? 'field has-error mention-field' : 'field mention-field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={3}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setAt(null), 150)}
      />
      <ul id={listId} role="listbox" aria-label={t('mention.options')} className="mention-options" hidden={!open}>
        {options.map((m, i) => (
          <li
            key={m.userId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'mention-option active' : 'mention-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(m);
            }}
          >
            <Avatar name={m.name} src={m.image} size="sm" />
            <span>{m.name}</span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : (
        <p className="field-hint" id={`${id}-hint`}>
          {t('mention.hint')}
        </p>
      )}
    </div>
  );
}
