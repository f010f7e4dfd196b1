// The finishing pass over the document @fastify/swagger builds from the route schemas, so that
// /api/docs and docs/openapi.json lint clean (redocly.yaml) without every route repeating the
// same boilerplate: operation ids, the shared error answer, declared tags, servers and examples.
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { OpenAPIV3 } from 'openapi-types';
import { exampleFor, type JsonSchema } from './openapi-examples.ts';

type Document = OpenAPIV3.Document;
type Operation = OpenAPIV3.OperationObject;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What each tag groups; a route with a tag missing here fails the build of the document. */
export const tagDescriptions: Record<string, string> = {
  health: 'Liveness and readiness probes for load balancers and orchestrators',
  admin: "The operator's read-only view of the whole instance: health, queue, failing networks, storage, accounts, workspaces, audit log",
  instance: 'What this Herald offers before anyone signs in',
  me: 'The signed-in person: profile, sessions, picture',
  workspaces: 'Workspaces, their members, invitations and getting-started checklist',
  invitations: 'Invitation links: read, accept or decline',
  audit: 'Who changed what in a workspace',
  notifications: 'In-app notifications and how each person wants to be told',
  channels: 'Social accounts connected to a workspace: connect, reconnect, refresh, disconnect',
  media: 'Images and videos for posts: uploads (multipart or tus), files, signed public links',
  posts: 'Composing, scheduling, queueing and publishing posts, and their deliveries to each channel',
  privacy: 'Data export, account deletion and restriction of processing',
  ideas: 'The Ideas board: columns and cards that become posts',
  feeds: 'RSS, Atom and JSON Feeds whose new items become drafts or queued posts',
  'bulk-csv': 'Bulk scheduling with CSV: the template, a preview of every row against the channels\' rules, the import of the valid rows in one transaction, and the export in the same columns',
  snippets: 'Saved hashtag groups, signatures and other texts the composer inserts',
  comments: 'Discussion on a post',
  analytics: 'Counters read back from the networks for published posts',
  agency: 'Views across every workspace the person belongs to',
  approvals: 'Approval rules, reviews and review links for people outside the workspace',
  'review links': 'What a review link opens to its holder, without an account',
  'api-keys': 'Workspace and personal API keys (`Authorization: Bearer hk_…`)',
  webhooks: 'Signed event deliveries (Standard Webhooks) and their delivery log',
  mcp: 'Model Context Protocol endpoint for AI assistants',
  networks: 'Calls the networks make to Herald (deauthorisation, data deletion, OAuth metadata)',
  policy: 'The generated privacy policy and terms',
  postiz: 'Postiz-compatible public API (docs/postiz-compatibility.md)',
};

// Every error Herald sends has this shape (src/server/http/error-handler.ts); the Postiz routes add
// their own fields beside `error`, hence no `additionalProperties: false` at the top.
const errorSchema: OpenAPIV3.SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable code to branch on (docs/errors.md)', example: 'post.not_found' },
        message: { type: 'string', description: 'For people; may change', example: 'This post does not exist' },
        details: { type: 'object', additionalProperties: true, description: 'Depends on the code; for bad input, `issues` name each field' },
        requestId: { type: 'string', description: 'The id of the request (also in the x-request-id header and in the server log): quote it when reporting a problem', example: '9b2c8f4e-6d1a-4c3b-8e2f-1a2b3c4d5e6f' },
      },
    },
  },
};

const errorResponse: OpenAPIV3.ResponseObject = {
  description: 'The request was refused: `{ error: { code, message, details, requestId } }`',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
    },
  },
};

/** `get /api/v1/workspaces/{workspaceId}/posts/{postId}` → `getWorkspacePost`; `…/media/{mediaId}` → `…MediaByMediaId`. */
export function operationIdFor(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const words: string[] = [];
  segments.forEach((segment, index) => {
    if (segment.startsWith('{')) return;
    // The `/api` and `/v1` prefixes say nothing about the operation.
    if (index < 3 && (segment === 'api' || /^v\d+$/.test(segment))) return;
    const param = segments[index + 1]?.match(/^\{(.+)\}$/)?.[1];
    const word = param ? singular(segment) : segment;
    words.push(...word.split(/[^A-Za-z0-9]+/).filter(Boolean));
    // `media/{mediaId}` reads like `media`: the parameter tells the one from the many.
    if (param && word === segment) words.push('by', param);
  });
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

// Enough English for Herald's path segments (`posts` → `post`, `policies` → `policy`); `analytics`,
// `media` and `access` stay as they are.
function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ics)$/.test(word) || !word.endsWith('s')) return word;
  return word.slice(0, -1);
}

const is2xx = (code: string) => /^2(\d\d|XX)$/i.test(code);
const is4xx = (code: string) => /^4(\d\d|XX)$/i.test(code);

function fillExamples(content: OpenAPIV3.ResponseObject['content'], where: string) {
  const media = content?.['application/json'];
  if (!media?.schema || media.example !== undefined || media.examples !== undefined) return;
  media.example = exampleFor(media.schema as JsonSchema, where);
}

function finishOperation(operation: Operation, method: string, path: string) {
  operation.operationId ??= operationIdFor(method, path);
  const where = `${method.toUpperCase()} ${path}`;
  for (const tag of operation.tags ?? []) {
    if (!(tag in tagDescriptions)) throw new Error(`${where}: tag "${tag}" has no description in src/server/http/openapi.ts`);
  }
  const codes = Object.keys(operation.responses);
  // Routes that never succeed (Postiz features Herald lacks: 501; MCP's stream: 405) have no 2XX;
  // `default` says "any other answer is the error shape" without inventing a success.
  if (!codes.some(is2xx)) operation.responses.default ??= { $ref: '#/components/responses/Error' };
  if (!codes.some(is4xx)) operation.responses['4XX'] = { $ref: '#/components/responses/Error' };
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  fillExamples(body?.content, `${where} body`);
  for (const [code, response] of Object.entries(operation.responses)) {
    if (is2xx(code) && !('$ref' in response)) fillExamples(response.content, `${where} ${code}`);
  }
}

/** @fastify/swagger's `transformObject`: the same document for /api/docs and docs/openapi.json. */
export const finishOpenApiDocument: SwaggerTransformObject = (input) => {
  if (!('openapiObject' in input)) throw new Error('Herald documents its API as OpenAPI 3');
  const document = structuredClone(input.openapiObject) as Document;
  document.servers = [{ url: '/', description: 'This Herald (the document is served by the instance it describes)' }];
  document.tags = Object.entries(tagDescriptions).map(([name, description]) => ({ name, description }));
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Error: errorSchema },
    responses: { ...document.components?.responses, Error: errorResponse },
  };
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item?.[method];
      if (!operation) continue;
      finishOperation(operation, method, path);
      const id = operation.operationId!;
      const other = seen.get(id);
      if (other) throw new Error(`operationId ${id} of ${method} ${path} is also ${other}'s: set one in the route schema`);
      seen.set(id, `${method} ${path}`);
    }
  }
  return document;
};
