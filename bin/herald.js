#!/usr/bin/env node
// Herald runs its server compiled ahead of time (dist/server/cli.js, see server-bundle.js): no
// TypeScript compiler at run time. A bundle older than its sources is rebuilt first.
import module from 'node:module';
import { freshServerBundle } from './server-bundle.js';

// Node 22.1 and later keep V8's compiled code of every module Herald loads (its bundle and the
// packages beside it) on disk between starts: compiling them was a tenth of a later start's CPU
// (bench/README.md, "start"). Node checks each entry against its source; NODE_COMPILE_CACHE picks
// the folder (by default one in the system's temporary folder). Node 20 has no such cache.
module.enableCompileCache?.();

// Source maps are not turned on here: Node would then parse the map of every package it loads,
// which costs a start-up second. Stack traces name the bundle's lines, each module marked with
// its source path; NODE_OPTIONS=--enable-source-maps maps them back to the TypeScript sources.
await import(await freshServerBundle());
