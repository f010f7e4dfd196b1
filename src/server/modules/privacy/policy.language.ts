import { defaultLanguage, isSupportedLanguage, type Language } from '../../../shared/languages.ts';

/**
 * The languages of an Accept-Language header, most preferred first: `fr-CA;q=0.8, en;q=0.9, de`
 * gives de, en-CA… by weight, and a tag of weight 0 (or `*`) is left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry, position) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, position };
    })
    .filter(({ tag, weight }) => tag && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .map(({ tag }) => tag);
}

/**
 * The language of a /privacy or /terms page: `?lang=` when Herald speaks it (the page's language
 * switch), else the reader's browser's first language Herald speaks (`fr-CA` is French), else the
 * instance's default.
 */
export function policyPageLanguage(requested: string | undefined, acceptLanguage: string | undefined): Language {
  const asked = requested?.toLowerCase();
  if (isSupportedLanguage(asked)) return asked;
  const spoken = acceptedLanguages(acceptLanguage)
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find(isSupportedLanguage);
  return spoken ?? defaultLanguage;
}
