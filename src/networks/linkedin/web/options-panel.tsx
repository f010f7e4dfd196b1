import { useId } from 'react';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';

/** Sets or clears one optional text setting (an empty field is no setting at all). */
function withText(settings: Record<string, unknown>, key: string, value: string) {
  const { [key]: _old, ...rest } = settings;
  return value ? { ...rest, [key]: value } : rest;
}

const isPage = (externalId: string | null | undefined) => Boolean(externalId?.startsWith('urn:li:organization:'));

/** LinkedIn: who sees the post, a document's title, a link card, and how to mention someone. */
export function LinkedInOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const id = useId();
  const hasDocument = files.some((f) => f.kind === 'document');
  const page = isPage(channel.externalId);
  const field = (key: string, label: string, placeholder: string, options: { type?: string; maxLength?: number; multiline?: boolean } = {}) => {
    const error = errorFor(`settings.${key}`);
    const props = {
      id: `${id}-${key}`,
      placeholder,
      maxLength: options.maxLength,
      value: String(settings[key] ?? ''),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-${key}-error` : undefined,
    };
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {options.multiline ? (
          <textarea {...props} rows={2} onChange={(e) => onChange(withText(settings, key, e.target.value))} />
        ) : (
          <input {...props} type={options.type ?? 'text'} onChange={(e) => onChange(withText(settings, key, options.type === 'url' ? e.target.value.trim() : e.target.value))} />
        )}
        <FieldMessage message={error} id={`${id}-${key}-error`} />
      </div>
    );
  };
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="linkedin-panel">
      <NetworkCardHead channel={channel} title="LinkedIn" id={`${id}-title`} />
      <div className="cm-options-grid">
        {page ? null : (
          <div className="field">
            <label htmlFor={`${id}-visibility`}>Who can see it</label>
            <select id={`${id}-visibility`} value={String(settings.visibility ?? 'PUBLIC')} onChange={(e) => onChange({ ...settings, visibility: e.target.value })}>
              <option value="PUBLIC">Anyone on or off LinkedIn</option>
              <option value="CONNECTIONS">Connections only</option>
            </select>
          </div>
        )}
        {hasDocument || settings.documentTitle ? field('documentTitle', 'Document title', 'Shown on the document (required with a PDF)', { maxLength: 400 }) : null}
        {field('linkUrl', 'Link', 'Optional: https://… shown as a card (one photo becomes its picture)', { type: 'url' })}
        {settings.linkUrl ? field('linkTitle', 'Link title', 'LinkedIn does not read the page: give the card a title', { maxLength: 400 }) : null}
        {settings.linkUrl ? field('linkDescription', 'Link description', 'Optional: a line under the title', { maxLength: 4086, multiline: true }) : null}
      </div>
      <p className="muted small" data-testid="linkedin-mention-help">
        To mention a person or a Company Page, write <code>@[Name](urn:li:person:ID)</code> or <code>@[Name](urn:li:organization:ID)</code>: the post shows the name as a link.
        Hashtags (<code>#word</code>) stay hashtags; every other character appears as you typed it.
      </p>
    </section>
  );
}
