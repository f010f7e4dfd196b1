// Caption files (WebVTT) of a Bluesky video as the post's settings hold them, for the panel and the preview.
import { postLanguages } from '../../../web/modules/posts/composer-network-card.tsx';
import { BLUESKY_CAPTION_MAX_BYTES, BLUESKY_MAX_CAPTIONS } from '../descriptor.ts';

export type Caption = { lang: string; vtt: string };

export function captionsFrom(settings: Record<string, unknown>): Caption[] {
  const raw = settings.captions;
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is Caption => typeof c?.lang === 'string' && typeof c?.vtt === 'string');
}

export const captionLanguageName = (lang: string) => postLanguages().find(([code]) => code === lang)?.[1] ?? lang;

/** Why a picked file cannot be a caption (the server's rule, said before sending), as a key of the folder's `web.captions`, or null. */
export function captionProblem(text: string, bytes: number, lang: string, existing: Caption[]): { key: string; values?: Record<string, string | number> } | null {
  if (!/^(\uFEFF)?WEBVTT/.test(text)) return { key: 'web.captions.notVtt' };
  if (bytes > BLUESKY_CAPTION_MAX_BYTES) return { key: 'web.captions.tooLarge', values: { max: BLUESKY_CAPTION_MAX_BYTES / 1000 } };
  if (existing.some((c) => c.lang === lang)) return { key: 'web.captions.sameLanguage', values: { language: captionLanguageName(lang) } };
  if (existing.length >= BLUESKY_MAX_CAPTIONS) return { key: 'web.captions.tooMany', values: { max: BLUESKY_MAX_CAPTIONS } };
  return null;
}
