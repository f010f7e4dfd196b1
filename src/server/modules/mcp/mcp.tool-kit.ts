import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import type { McpCaller } from './mcp.access.ts';

export type McpDeps = { posts: PostsDeps; channels: ChannelDeps; config: Config };

/** What a tool answers: one line (or a few) for the assistant to read, and the same facts as JSON. */
export type ToolAnswer = { text: string; data: Record<string, unknown> };

export type ToolKit = {
  caller: McpCaller;
  deps: McpDeps;
  tool<Shape extends z.ZodRawShape>(
    name: string,
    config: { title: string; description: string; input: Shape; annotations?: ToolAnnotations },
    run: (args: z.output<z.ZodObject<Shape>>) => Promise<ToolAnswer>,
  ): void;
};

/** The argument every workspace tool takes. */
export const workspaceIdInput = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('The workspace to act in (list_workspaces). Required with a personal key; a workspace key acts in its own workspace and may leave it out.');
