import { describe, expect, it } from 'vitest';
import { buildOpenApiText } from '../../scripts/gen-openapi.ts';
import { lintOpenApi } from '../../scripts/lint-openapi.ts';

type Doc = { paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, { example?: unknown }> } }>> };

describe('the OpenAPI document lints clean (redocly.yaml)', () => {
  it('has no error and no warning, as the app builds it', async () => {
    const text = await buildOpenApiText();
    const problems = await lintOpenApi(text);
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);

    // The example rule is really on: an example that breaks its schema is caught.
    const doc = JSON.parse(text) as Doc;
    const media = doc.paths['/api/v1/me/api-keys']!.post!.requestBody!.content!['application/json']!;
    media.example = { name: 42 };
    const broken = await lintOpenApi(JSON.stringify(doc));
    expect(broken.map((p) => p.ruleId)).toContain('no-invalid-media-type-examples');
  });

  it('gives every operation a unique id derived from its method and path', async () => {
    const doc = JSON.parse(await buildOpenApiText()) as Doc;
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/workspaces/{workspaceId}/posts/{postId}']!.get!.operationId).toBe('getWorkspacePost');
  });
});
