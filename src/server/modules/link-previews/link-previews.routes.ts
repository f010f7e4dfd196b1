import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadCardImage } from './card-image.ts';
import { previewLink } from './link-previews.service.ts';

/** What the composer shows: the size a thumbnail is sent at (Bluesky's 1 MB) is plenty for a preview. */
const SHOWN_IMAGE_BYTES = 1_000_000;

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const preview = z.object({
  url: z.string().describe('The link as asked for'),
  finalUrl: z.string().describe('Where the redirects ended'),
  title: z.string().describe('og:title, else twitter:title, else <title>; empty when the page has none'),
  description: z.string().describe('og:description, else twitter:description, else <meta name="description">'),
  imageUrl: z.string().nullable().describe('og:image, else twitter:image, made absolute'),
  canonicalUrl: z.string().nullable().describe('og:url, made absolute'),
  siteName: z.string().describe('og:site_name, else the host name'),
});

// Link preview cards: the composer asks for the card of a link in the text, shows it and lets the
// user edit it before it is saved with the post (content.linkCard).
export const linkPreviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/workspaces/:workspaceId/link-preview', {
    config: { access: 'posts.edit' },
    schema: {
      tags: ['posts'],
      summary: "Read a page's Open Graph / Twitter Card data for a link card (html only, its first MiB, within 8 s, public addresses only); 422 with a link_preview.* code when the page cannot make one",
      params: workspaceParams,
      body: z.object({ url: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') }),
      response: { 200: preview },
    },
    handler: async (req) => previewLink(req.body.url),
  });

  // The card's picture through Herald: the browser never asks the page's server itself (which
  // would tell that server who is writing a post, and which the page's policy forbids anyway).
  app.get('/workspaces/:workspaceId/link-preview/image', {
    config: { access: 'posts.edit' },
    schema: {
      tags: ['posts'],
      summary: "A link card's picture, read through the guarded fetch (public addresses, 5 MB, 8 s) and served as JPEG, PNG, WebP or GIF of at most 1 MB; 422 with a link_preview.* code when it cannot be read",
      params: workspaceParams,
      querystring: z.object({ url: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') }),
    },
    handler: async (req, reply) => {
      const image = await loadCardImage(req.query.url, SHOWN_IMAGE_BYTES);
      return reply.type(image.mimeType).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=600').send(Buffer.from(image.data));
    },
  });
};
