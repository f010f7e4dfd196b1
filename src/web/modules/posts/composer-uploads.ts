// Uploads for the composer: images as one multipart request, videos as tus resumable uploads that
// survive a pause, a dropped connection or a reload (tus-js-client keeps the upload URL).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload as TusUpload, type DetailedError } from 'tus-js-client';
import { api, isApiError, languageHeader } from '../../api/client.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { Upload } from './composer-model.ts';
import type { Media } from './posts.api.ts';

const CHUNK_BYTES = 8 * 1024 * 1024;

let counter = 0;
const newKey = () => `upload-${Date.now().toString(36)}-${(counter += 1)}`;

function errorMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not Herald's JSON: a proxy's page.
  }
  // Said when it happens, in the interface's language of that moment.
  return status ? i18n.t('posts:media.uploadFailed', { status }) : i18n.t('posts:media.unreachable');
}

/** Multipart with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function uploadImage(workspaceId: string, file: File, onProgress: (fraction: number) => void): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/workspaces/${workspaceId}/media`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', languageHeader()['accept-language']);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status === 201 ? resolve(JSON.parse(xhr.responseText) as Media) : reject(new Error(errorMessage(xhr.status, xhr.responseText))));
    xhr.onerror = () => reject(new Error(errorMessage(0, '')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The media a finished tus upload became, or why the server refused the file. */
async function tusResult(workspaceId: string, uploadUrl: string | null): Promise<Media> {
  const uploadId = uploadUrl?.split('/').pop();
  if (!uploadId) throw new Error(i18n.t('posts:media.noAddress'));
  return api.get<Media>(`/api/v1/workspaces/${workspaceId}/media/uploads/${uploadId}/result`);
}

/** What a picked file is, by the type the browser reports (the server checks the content). */
export const uploadKindOf = (file: File): Upload['kind'] => (file.type.startsWith('video/') ? 'video' : file.type === 'application/pdf' ? 'document' : 'image');

export function useUploads(workspaceId: string) {
  const [uploads, setUploads] = useState<Record<string, Upload>>({});
  const running = useRef(new Map<string, TusUpload>());
  const objectUrls = useRef<string[]>([]);

  const patch = useCallback((key: string, change: Partial<Upload>) => setUploads((all) => (all[key] ? { ...all, [key]: { ...all[key], ...change } } : all)), []);

  useEffect(
    () => () => {
      // Leaving the page: running uploads pause (tus resumes them next time), local previews go.
      for (const upload of running.current.values()) void upload.abort();
      for (const url of objectUrls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const startVideo = useCallback(
    (key: string, file: File) => {
      const upload = new TusUpload(file, {
        endpoint: `/api/v1/workspaces/${workspaceId}/media/uploads`,
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        metadata: { filename: file.name, filetype: file.type },
        // A refused file is answered in the interface's language, as every other call.
        headers: languageHeader(),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => patch(key, { progress: total ? sent / total : 0 }),
        onSuccess: () => {
          running.current.delete(key);
          tusResult(workspaceId, upload.url).then(
            (media) => patch(key, { state: 'ready', progress: 1, media }),
            (error: unknown) => patch(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) }),
          );
        },
        onError: (error) => {
          running.current.delete(key);
          const response = (error as DetailedError).originalResponse;
          // A refused file (wrong type, unreadable video) answers why on the result address.
          const fallback = response ? errorMessage(response.getStatus(), response.getBody()) : error.message;
          tusResult(workspaceId, upload.url).then(
            (media) => patch(key, { state: 'ready', progress: 1, media }),
            (reason: unknown) =>
              patch(key, { state: 'failed', error: isApiError(reason) && reason.code !== 'media.upload_incomplete' && reason.code !== 'media.upload_not_found' ? reason.message : fallback }),
          );
        },
      });
      running.current.set(key, upload);
      void upload.findPreviousUploads().then((previous) => {
        const same = previous.find((p) => p.size === file.size);
        if (same) upload.resumeFromPreviousUpload(same);
        upload.start();
      });
    },
    [patch, workspaceId],
  );

  /** Starts uploading the files; answers their keys in the same order. */
  const add = useCallback(
    (files: File[]): string[] =>
      files.map((file) => {
        const key = newKey();
        const kind = uploadKindOf(file);
        const previewUrl = URL.createObjectURL(file);
        objectUrls.current.push(previewUrl);
        // Videos and documents can be large: they go through the resumable upload.
        const resumable = kind !== 'image';
        setUploads((all) => ({ ...all, [key]: { key, fileName: file.name, kind, previewUrl, progress: 0, state: 'uploading', error: null, media: null, resumable } }));
        if (resumable) startVideo(key, file);
        else {
          uploadImage(workspaceId, file, (progress) => patch(key, { progress })).then(
            (media) => patch(key, { state: 'ready', progress: 1, media }),
            (error: unknown) => patch(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) }),
          );
        }
        return key;
      }),
    [patch, startVideo, workspaceId],
  );

  const pause = useCallback(
    (key: string) => {
      const upload = running.current.get(key);
      if (!upload) return;
      void upload.abort();
      patch(key, { state: 'paused' });
    },
    [patch],
  );

  const resume = useCallback(
    (key: string) => {
      const upload = running.current.get(key);
      if (!upload) return;
      patch(key, { state: 'uploading', error: null });
      // tus asks the server how far it got (HEAD) and sends only the rest.
      upload.start();
    },
    [patch],
  );

  /** Stops an upload and forgets it; an unfinished tus upload is deleted on the server. */
  const discard = useCallback((key: string) => {
    const upload = running.current.get(key);
    if (upload) {
      running.current.delete(key);
      void upload.abort(true).catch(() => undefined);
    }
  }, []);

  /** Media already on the server (editing a post): the uploads entry is keyed by the media id. */
  const adopt = useCallback((media: Media[]) => {
    setUploads((all) => {
      const next = { ...all };
      for (const m of media) {
        next[m.id] = { key: m.id, fileName: m.fileName ?? m.id, kind: m.kind, previewUrl: null, progress: 1, state: 'ready', error: null, media: m, resumable: false };
      }
      return next;
    });
  }, []);

  return { uploads, add, pause, resume, discard, adopt };
}

export type Uploads = ReturnType<typeof useUploads>;
