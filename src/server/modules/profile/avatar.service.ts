import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Metadata } from 'sharp';
import type { Db, Tx } from '../../db/database.ts';
import { members, userAvatars, users } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_SIZE = 256;
const AVATAR_TYPE = 'image/webp';
export const acceptedAvatarTypes = 'PNG, JPEG, WebP or GIF';
/**
 * Pictures with more pixels are refused from their header, before decoding: a 16,000×16,000 PNG
 * compresses to a few hundred KB but takes seconds of CPU to decode, and a 256×256 copy needs no
 * more than a camera's picture.
 */
export const AVATAR_MAX_PIXELS = 4096 * 4096;

// Formats as sharp names them. Anything else sharp can read (SVG, TIFF, HEIF…) is refused too:
// SVG in particular is a document, not a picture.
const accepted = new Set(['png', 'jpeg', 'webp', 'gif']);

export const avatarTooLarge = () =>
  new AppError('avatar.too_large', 413, `The picture is larger than ${AVATAR_MAX_BYTES / 1024 / 1024} MB`, { field: 'file', reason: 'too_large', maxBytes: AVATAR_MAX_BYTES }, { mb: AVATAR_MAX_BYTES / 1024 / 1024 });
const tooManyPixels = (width: number, height: number) =>
  new AppError('avatar.too_many_pixels', 400, `The picture is ${width}×${height} pixels; at most ${AVATAR_MAX_PIXELS.toLocaleString('en')} pixels (4096×4096) are accepted`, {
    field: 'file',
    reason: 'too_many_pixels',
    width,
    height,
    maxPixels: AVATAR_MAX_PIXELS,
  });
const unsupported = (found: string) =>
  new AppError('avatar.unsupported_type', 400, `This file is ${found}; a picture must be ${acceptedAvatarTypes}`, { field: 'file', reason: 'unsupported_type', found }, { accepted: acceptedAvatarTypes });

/** Where a user's picture is served; the version changes with the picture, so browsers may cache it. */
const avatarUrl = (userId: string, data: Buffer) =>
  `/api/v1/users/${userId}/avatar?v=${crypto.createHash('sha256').update(data).digest('hex').slice(0, 12)}`;

/** Checks the bytes are a picture Herald accepts (by content, never by name) and makes the 256×256 WebP. */
async function toAvatar(input: Buffer): Promise<Buffer> {
  // sharp, a native library, is loaded on first use rather than at start-up (ADR 0024).
  const { default: sharp } = await import('sharp');
  if (input.length === 0) throw unsupported('empty');
  let meta: Metadata;
  try {
    // Reads the header only: nothing is decoded yet.
    meta = await sharp(input).metadata();
  } catch {
    throw unsupported('not a picture');
  }
  const format = meta.format;
  if (!format || !accepted.has(format)) throw unsupported(format ? `a ${format.toUpperCase()} file` : 'not a picture');
  if (meta.width && meta.height && meta.width * meta.height > AVATAR_MAX_PIXELS) throw tooManyPixels(meta.width, meta.height);
  try {
    // The first frame of an animation; rotated as the camera meant it. The pixel limit again, in
    // case the header understated the size.
    return await sharp(input, { limitInputPixels: AVATAR_MAX_PIXELS }).rotate().resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' }).webp({ quality: 82 }).toBuffer();
  } catch (error) {
    throw new AppError('avatar.unreadable', 400, `This file looks like a ${format.toUpperCase()} picture but cannot be read`, {
      field: 'file',
      reason: 'unreadable',
      found: format,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

const setImage = (tx: Tx, userId: string, image: string | null) => tx.update(users).set({ image, updatedAt: new Date() }).where(eq(users.id, userId));

/** Replaces the signed-in user's picture; answers the URL now in `users.image`. */
export async function setAvatar(ctx: ServiceContext, input: Buffer): Promise<{ image: string }> {
  const data = await toAvatar(input);
  const userId = ctx.actor.userId;
  const image = avatarUrl(userId, data);
  const row = { contentType: AVATAR_TYPE, data: data.toString('base64'), updatedAt: new Date() };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(userAvatars)
      .values({ userId, ...row })
      .onConflictDoUpdate({ target: userAvatars.userId, set: row });
    await setImage(tx, userId, image);
    await auditByActor(tx, ctx, { action: 'user.avatar_changed', entityType: 'user', entityId: userId, changes: { image, bytes: data.length } });
  });
  return { image };
}

/** Removes the signed-in user's picture; 404 when there is none. */
export async function removeAvatar(ctx: ServiceContext): Promise<void> {
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(userAvatars).where(eq(userAvatars.userId, userId)).returning({ userId: userAvatars.userId });
    if (!removed.length) throw notFound('avatar', 'You have no picture to remove');
    await setImage(tx, userId, null);
    await auditByActor(tx, ctx, { action: 'user.avatar_removed', entityType: 'user', entityId: userId });
  });
}

type Avatar = { contentType: string; data: Buffer; updatedAt: Date };

/** A user's picture; any signed-in user of this Herald may see it (members see each other). */
export async function findAvatar(db: Db | Tx, userId: string): Promise<Avatar | null> {
  const [row] = await db.select().from(userAvatars).where(eq(userAvatars.userId, userId));
  return row ? { contentType: row.contentType, data: Buffer.from(row.data, 'base64'), updatedAt: row.updatedAt } : null;
}

/**
 * A picture is shown only to its owner and the people they work with (a workspace in common):
 * to anyone else the user might as well not exist, so the answer is the same 404.
 */
export async function getAvatar(ctx: ServiceContext, userId: string): Promise<Avatar> {
  if (userId !== ctx.actor.userId && !(await shareAWorkspace(ctx.db, ctx.actor.userId, userId))) throw notFound('avatar', 'This user has no picture');
  const avatar = await findAvatar(ctx.db, userId);
  if (!avatar) throw notFound('avatar', 'This user has no picture');
  return avatar;
}

async function shareAWorkspace(db: Db, a: string, b: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(members)
    .where(and(eq(members.userId, a), sql`exists (select 1 from ${members} m2 where m2.workspace_id = ${members.organizationId} and m2.user_id = ${b})`))
    .limit(1);
  return !!row;
}
