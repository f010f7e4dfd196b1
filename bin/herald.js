#!/usr/bin/env node
// Herald runs its server compiled ahead of time (dist/server/cli.js, see server-bundle.js): no
// TypeScript compiler at run time. A bundle older than its sources is rebuilt first.
import { freshServerBundle } from './server-bundle.js';

// Source maps are not turned on here: Node would then parse the map of every package it loads,
// which costs a start-up second. Stack traces name the bundle's lines, each module marked with
// its source path; NODE_OPTIONS=--enable-source-maps maps them back to the TypeScript sources.
await import(await freshServerBundle());
