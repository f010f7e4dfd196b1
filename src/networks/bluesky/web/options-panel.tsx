import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionsPanelProps } from '../../web-types.ts';
import { formatFileSize } from '../../../web/components/format.ts';
import { FieldMessage, NetworkCardHead, postLanguages } from '../../../web/modules/posts/composer-network-card.tsx';
import { bluesky } from '../descriptor.ts';
import { captionLanguageName, captionProblem, captionsFrom } from './captions.ts';
import './bluesky.css';

/** Bluesky: the post's language helps feeds and translation; a video can carry caption files. Both optional. */
export function BlueskyOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-bluesky');
  const id = useId();
  const langs = Array.isArray(settings.langs) ? (settings.langs as string[]) : [];
  const error = errorFor('settings.langs');
  const hasVideo = files.some((f) => f.kind === 'video');
  const captions = captionsFrom(settings);
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <NetworkCardHead channel={channel} title={bluesky.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className={error ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-lang`}>{t('web.options.language')}</label>
          <select
            id={`${id}-lang`}
            value={langs[0] ?? ''}
            onChange={(e) => {
              const { langs: _old, ...rest } = settings;
              onChange(e.target.value ? { ...rest, langs: [e.target.value] } : rest);
            }}
          >
            <option value="">{t('web.options.notSet')}</option>
            {postLanguages().map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <FieldMessage message={error} id={`${id}-lang-error`} />
        </div>
        {hasVideo || captions.length ? <Captions settings={settings} onChange={onChange} errorFor={errorFor} /> : null}
      </div>
    </section>
  );
}

/** WebVTT subtitle files for the video, one per language; kept in the post's settings. */
function Captions({ settings, onChange, errorFor }: Pick<OptionsPanelProps, 'settings' | 'onChange' | 'errorFor'>) {
  const { t } = useTranslation('network-bluesky');
  const id = useId();
  const captions = captionsFrom(settings);
  const [lang, setLang] = useState(postLanguages().find(([code]) => !captions.some((c) => c.lang === code))?.[0] ?? 'en');
  const [problem, setProblem] = useState<string | null>(null);
  const serverError = errorFor('settings.captions') ?? captions.map((_, i) => errorFor(`settings.captions.${i}.vtt`) ?? errorFor(`settings.captions.${i}.lang`)).find(Boolean);
  const save = (next: typeof captions) => {
    const { captions: _old, ...rest } = settings;
    onChange(next.length ? { ...rest, captions: next } : rest);
  };
  const message = problem ?? serverError;
  return (
    <fieldset className={message ? 'field cm-bsky-captions-field has-error' : 'field cm-bsky-captions-field'} aria-describedby={`${id}-hint`}>
      <legend className="label">{t('web.captions.legend')}</legend>
      <p className="small muted" id={`${id}-hint`}>
        {t('web.captions.hint')}
      </p>
      {captions.length ? (
        <ul className="cm-bsky-captions">
          {captions.map((c) => (
            <li key={c.lang}>
              {captionLanguageName(c.lang)} · {formatFileSize(new TextEncoder().encode(c.vtt).length)}{' '}
              <button type="button" className="btn btn-ghost btn-sm" aria-label={t('web.captions.removeLabel', { language: captionLanguageName(c.lang) })} onClick={() => save(captions.filter((x) => x.lang !== c.lang))}>
                {t('web.captions.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="cm-bsky-caption-add">
        <label htmlFor={`${id}-caption-lang`}>{t('web.captions.language')}</label>
        <select id={`${id}-caption-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
          {postLanguages().map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <input
          type="file"
          accept=".vtt,text/vtt"
          aria-label={t('web.captions.file')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const text = await file.text();
            const why = captionProblem(text, file.size, lang, captions);
            setProblem(why && t(why.key, why.values ?? {}));
            if (why) return;
            const next = [...captions, { lang, vtt: text }];
            save(next);
            // Ready for the next language.
            setLang(postLanguages().find(([code]) => !next.some((c) => c.lang === code))?.[0] ?? lang);
          }}
        />
      </div>
      <FieldMessage message={message ?? undefined} id={`${id}-caption-error`} />
    </fieldset>
  );
}
