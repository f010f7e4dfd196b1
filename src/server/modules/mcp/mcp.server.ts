import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../shared/errors.ts';
import type { McpCaller } from './mcp.access.ts';
import type { McpDeps, ToolKit } from './mcp.tool-kit.ts';
import { registerWorkspaceTools } from './tools/workspace.tools.ts';
import { registerPostTools } from './tools/posts.tools.ts';
import { registerAnalyticsTools } from './tools/analytics.tools.ts';

const instructions = [
  'Herald schedules social media posts for the workspaces this API key can use.',
  'Start with list_workspaces (personal keys pass workspaceId to every tool; workspace keys may leave it out) and list_channels.',
  "Before writing a post, read get_network_rules for its channels: text length, media and thread limits differ per network, and Herald refuses posts that break them (validation_failed names every problem).",
  'Times are ISO 8601 with an offset (2026-12-01T09:00:00+01:00); timeZone is the IANA zone the time was meant in (default: the workspace zone).',
  'In workspaces that need approval, scheduling sends the post to review instead: it goes out only once an approver approves it, and the tool says so.',
  "Tool errors carry Herald's error code (post.not_found, api_key.scope, validation_failed…) and message.",
].join('\n');

/** Dates become ISO strings, as the JSON answer carries them. */
const asJson = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function toolError(error: unknown, log: FastifyBaseLogger, name: string): CallToolResult {
  if (error instanceof AppError) {
    const body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    const issues = (error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues;
    const more = issues && issues.length > 1 ? `\n${issues.map((i) => `- ${i.field}: ${i.message}`).join('\n')}` : '';
    return { isError: true, content: [{ type: 'text', text: `${error.code}: ${error.message}${more}` }], structuredContent: { error: asJson(body) } };
  }
  log.error({ err: error, tool: name }, 'MCP tool failed');
  return { isError: true, content: [{ type: 'text', text: 'internal: Something went wrong on the server; it has been logged' }], structuredContent: { error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } } };
}

/** One MCP server for one request: its tools act as the key's user, within the key's scopes. */
export async function createMcpServer(caller: McpCaller, deps: McpDeps, log: FastifyBaseLogger): Promise<McpServer> {
  // The MCP SDK is loaded by the first MCP request, not at start-up (ADR 0024).
  const { McpServer } = await import('@modelcontextprotocol/sdk/server/mcp.js');
  const server = new McpServer({ name: 'herald', title: 'Herald', version: '0.1.0' }, { instructions, capabilities: { tools: {} } });
  const kit: ToolKit = {
    caller,
    deps,
    tool(name, config, run) {
      server.registerTool(
        name,
        { title: config.title, description: config.description, inputSchema: z.object(config.input), annotations: { title: config.title, openWorldHint: false, ...config.annotations } },
        async (args: unknown): Promise<CallToolResult> => {
          try {
            const answer = await run(args as z.output<z.ZodObject<typeof config.input>>);
            const data = asJson(answer.data);
            return { content: [{ type: 'text', text: answer.text }, { type: 'text', text: JSON.stringify(data) }], structuredContent: data };
          } catch (error) {
            return toolError(error, log, name);
          }
        },
      );
    },
  };
  registerWorkspaceTools(kit);
  registerPostTools(kit);
  registerAnalyticsTools(kit);
  return server;
}
