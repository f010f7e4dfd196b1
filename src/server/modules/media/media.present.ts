import { z } from 'zod';
import { mediaKindOf, type MediaRow } from './media.service.ts';

export const ALT_TEXT_MAX = 1500;

// One media file as every media route answers it.
export const mediaObject = z.object({
  id: z.string(),
  kind: z.enum(['image', 'video', 'document']).describe('document: a PDF, for networks that post documents'),
  mimeType: z.string().describe('Detected from the content, never from the file name'),
  fileName: z.string().nullable(),
  size: z.number().describe('Bytes'),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  videoCodec: z.string().nullable().describe('Four-character code of the video track: avc1, hvc1, hev1, av01…'),
  frameRate: z.number().nullable(),
  pageCount: z.number().nullable().describe('Documents: the pages counted at upload (null: not found in the file, or not a document)'),
  status: z.enum(['ready', 'deleted']).describe('deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)'),
  createdAt: z.date(),
  deletedAt: z.date().nullable(),
  url: z.string().describe('Where the file is served (same session)'),
  name: z.string().nullable().describe('The library name (null: shown as the file name)'),
  altText: z.string().nullable().describe('Default alt text, offered when the file is added to a post (each post keeps its own)'),
  tags: z.array(z.string()),
  thumbnailUrl: z.string().nullable().describe('A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none'),
  sourceMediaId: z.string().nullable().describe('The file this one was edited from'),
});

export function presentMedia(prefix: string, row: MediaRow): z.infer<typeof mediaObject> {
  const base = `${prefix}/workspaces/${row.workspaceId}/media/${row.id}`;
  return {
    id: row.id,
    kind: mediaKindOf(row.kind),
    mimeType: row.mimeType,
    fileName: row.fileName,
    size: row.size,
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    videoCodec: row.videoCodec,
    frameRate: row.frameRate,
    pageCount: row.pageCount,
    status: row.status === 'deleted' ? 'deleted' : 'ready',
    createdAt: row.createdAt,
    deletedAt: row.deletedAt,
    url: `${base}/file`,
    name: row.name,
    altText: row.altText,
    tags: row.tags,
    thumbnailUrl: row.thumbnailKey && row.status === 'ready' ? `${base}/thumbnail` : null,
    sourceMediaId: row.sourceMediaId,
  };
}
