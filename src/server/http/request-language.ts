import type { FastifyRequest } from 'fastify';
import { defaultLanguage, isSupportedLanguage, type Language } from '../../shared/languages.ts';

/**
 * The language an answer is written in: the first language of `Accept-Language` (by weight, then
 * order) that Herald speaks, a regional tag counting as its language (`fr-CA` is French), else
 * English. The web app sends its interface's language on every request.
 */
export function languageOfHeader(header: string | undefined): Language {
  return spokenLanguageOfHeader(header) ?? defaultLanguage;
}

/** The language of `Accept-Language` that Herald speaks (see languageOfHeader); null when it names none (`*`, `de`). */
export function spokenLanguageOfHeader(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().split('-')[0]!.toLowerCase(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isSupportedLanguage) ?? null;
}

export const requestLanguage = (request: FastifyRequest): Language => languageOfHeader(request.headers['accept-language']);
