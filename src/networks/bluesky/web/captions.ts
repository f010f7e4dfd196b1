// Caption files (WebVTT) of a Bluesky video as the post's settings hold them, for the panel and the preview.
import { postLanguages } from '../../../web/modules/posts/composer-network-card.tsx';
import { BLUESKY_CAPTION_MAX_BYTES, BLUESKY_MAX_CAPTIONS } from '../descriptor.ts';

export type Caption = { lang: string; vtt: string };

export function captionsFrom(settings: Record<string, unknown>): Caption[] {
  const raw = settings.captions;
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is Caption => typeof c?.lang === 'string' && typeof c?.vtt === 'string');
}

export const captionLanguageName = (lang: string) => postLanguages.find(([code]) => code === lang)?.[1] ?? lang;

/** Why a picked file cannot be a caption, in the server's words, or null. */
export function captionProblem(text: string, bytes: number, lang: string, existing: Caption[]): string | null {
  if (!/^(\uFEFF)?WEBVTT/.test(text)) return 'This is not a WebVTT file (it must start with WEBVTT)';
  if (bytes > BLUESKY_CAPTION_MAX_BYTES) return `A caption file can be at most ${BLUESKY_CAPTION_MAX_BYTES / 1000} kB`;
  if (existing.some((c) => c.lang === lang)) return `There is already a caption file in ${captionLanguageName(lang)}`;
  if (existing.length >= BLUESKY_MAX_CAPTIONS) return `At most ${BLUESKY_MAX_CAPTIONS} caption files`;
  return null;
}
