#!/usr/bin/env node
// Herald runs its TypeScript sources directly through tsx: one codebase, no server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
