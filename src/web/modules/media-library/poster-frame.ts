import { useEffect } from 'react';
import type { Uploads } from '../posts/composer-uploads.ts';
import { uploadPosterFrame, useLibrarySetting } from './media-library.api.ts';

// Herald has no video decoder on the server (no ffmpeg in the two-command install), so a video's
// poster frame is drawn by the browser that uploads it, from the local file, and sent as a JPEG.

const FRAME_WIDTH = 640;
const TIMEOUT_MS = 15_000;

/** A JPEG of the frame about a second in (or the middle of a shorter video), at most 640 px wide. */
export function drawPosterFrame(videoUrl: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const video = document.createElement('video');
    const timer = window.setTimeout(() => fail(new Error('The video could not be read in time')), TIMEOUT_MS);
    const done = () => {
      window.clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
    };
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.onerror = () => fail(new Error('This browser cannot decode the video'));
    video.onloadedmetadata = () => {
      video.currentTime = Number.isFinite(video.duration) ? Math.min(1, video.duration / 2) : 0;
    };
    video.onseeked = () => {
      const scale = Math.min(1, FRAME_WIDTH / (video.videoWidth || FRAME_WIDTH));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
      canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
      canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(
        (blob) => {
          done();
          if (blob) resolve(blob);
          else reject(new Error('The frame could not be encoded'));
        },
        'image/jpeg',
        0.85,
      );
    };
    video.src = videoUrl;
  });
}

/** Videos whose frame this page already sent (several media boxes may watch the same uploads). */
const postersSent = new Set<string>();

/**
 * While the workspace keeps a media library, gives each video finished in this composer a poster
 * frame for the library grid. Best effort: a video the browser cannot decode keeps no preview.
 */
export function usePosterFrames(workspaceId: string, uploads: Uploads) {
  const enabled = useLibrarySetting(workspaceId).data?.enabled ?? false;
  useEffect(() => {
    if (!enabled) return;
    for (const upload of Object.values(uploads.uploads)) {
      const media = upload.media;
      if (upload.kind !== 'video' || upload.state !== 'ready' || !media || media.thumbnailUrl || !upload.previewUrl || postersSent.has(media.id)) continue;
      postersSent.add(media.id);
      void drawPosterFrame(upload.previewUrl)
        .then((frame) => uploadPosterFrame(workspaceId, media.id, frame))
        .catch(() => undefined);
    }
  }, [enabled, uploads.uploads, workspaceId]);
}
