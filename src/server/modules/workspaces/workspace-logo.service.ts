import { eq } from 'drizzle-orm';
import type { Metadata } from 'sharp';
import { workspaces } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { decodeLogo, logoUrl } from '../analytics/report.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

// A workspace's logo, for the client report (page and PDF). It is kept in `workspaces.logo` as a
// small PNG data URL: PNG because PDF readers draw PNG and JPEG but not WebP, small (160 px) because
// the row is read with the workspace, and re-encoded so what is stored is never the uploaded file.

export const LOGO_MAX_BYTES = 1024 * 1024;
/** Pixels accepted from the header before decoding: a tiny file can expand to seconds of CPU. */
const LOGO_MAX_PIXELS = 4096 * 4096;
export const LOGO_SIZE = 160;
export const acceptedLogoTypes = 'PNG, JPEG, WebP or GIF';
// SVG and the other formats sharp reads are refused: SVG in particular is a document, not a picture.
const accepted = new Set(['png', 'jpeg', 'webp', 'gif']);

export const logoTooLarge = () => new AppError('workspace.logo_too_large', 413, `The logo is larger than ${LOGO_MAX_BYTES / 1024 / 1024} MB`, { field: 'file', reason: 'too_large' }, { mb: LOGO_MAX_BYTES / 1024 / 1024 });
const unsupportedLogo = (found: string) =>
  new AppError('workspace.logo_unsupported_type', 400, `This file is ${found}; a logo must be ${acceptedLogoTypes}`, { field: 'file', reason: 'unsupported_type' }, { found, accepted: acceptedLogoTypes });

async function toLogo(input: Buffer): Promise<Buffer> {
  // sharp, a native library, is loaded on first use rather than at start-up (ADR 0024).
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw unsupportedLogo('not a picture');
  }
  if (!meta.format || !accepted.has(meta.format)) throw unsupportedLogo(meta.format ? `a ${meta.format.toUpperCase()} file` : 'not a picture');
  if (meta.width && meta.height && meta.width * meta.height > LOGO_MAX_PIXELS) throw new AppError('workspace.logo_too_many_pixels', 400, 'The logo has more than 4096×4096 pixels', { field: 'file', reason: 'too_many_pixels' });
  try {
    return await sharp(input, { limitInputPixels: LOGO_MAX_PIXELS }).rotate().resize(LOGO_SIZE, LOGO_SIZE, { fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
  } catch {
    throw new AppError('workspace.logo_unreadable', 400, `This file looks like a ${meta.format.toUpperCase()} picture but cannot be read`, { field: 'file', reason: 'unreadable' }, { format: meta.format.toUpperCase() });
  }
}

export async function setWorkspaceLogo(ctx: ServiceContext, workspaceId: string, input: Buffer): Promise<{ logoUrl: string }> {
  const png = await toLogo(input);
  const logo = `data:image/png;base64,${png.toString('base64')}`;
  await ctx.db.transaction(async (tx) => {
    await tx.update(workspaces).set({ logo }).where(eq(workspaces.id, workspaceId));
    await auditByActor(tx, ctx, { workspaceId, action: 'workspace.logo_changed', entityType: 'workspace', entityId: workspaceId, changes: { bytes: png.length } });
  });
  return { logoUrl: logoUrl(workspaceId, logo)! };
}

export async function removeWorkspaceLogo(ctx: ServiceContext, workspaceId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ logo: workspaces.logo }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
    if (!row?.logo) throw notFound('logo', 'This workspace has no logo');
    await tx.update(workspaces).set({ logo: null }).where(eq(workspaces.id, workspaceId));
    await auditByActor(tx, ctx, { workspaceId, action: 'workspace.logo_removed', entityType: 'workspace', entityId: workspaceId });
  });
}

export async function getWorkspaceLogo(ctx: ServiceContext, workspaceId: string): Promise<{ type: string; data: Buffer }> {
  const [row] = await ctx.db.select({ logo: workspaces.logo }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const logo = decodeLogo(row?.logo ?? null);
  if (!logo) throw notFound('logo', 'This workspace has no logo');
  return logo;
}
