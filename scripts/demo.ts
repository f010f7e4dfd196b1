// `npm run demo`: Herald wired to local fakes of the networks, so the whole connect flow can be
// tried offline with made-up accounts. Data goes to ./data-demo, never to ./data.
import path from 'node:path';
import { enabledNetworks, networkIds, networkLabel } from '../src/networks/index.ts';
import { loadConfig } from '../src/server/config/config.ts';
import { createLogger, startHerald } from '../src/server/runtime.ts';
import { buildWebIfStale } from '../src/server/web-build.ts';
import { startDemoNetworks } from './demo-networks.ts';

const demoEnv: NodeJS.ProcessEnv = { ...process.env, HERALD_DATA_DIR: process.env.HERALD_DATA_DIR ?? path.resolve('data-demo') };
// The Meta fakes download media from Herald's signed links, as Meta does: Herald's own address
// unless the person running the demo set another.
const networks = await startDemoNetworks({ mediaPublicUrl: demoEnv.HERALD_MEDIA_PUBLIC_URL || loadConfig(demoEnv).publicOrigin });
const config = loadConfig({ ...demoEnv, ...networks.env });
const logger = createLogger(config);
await buildWebIfStale(logger);
const herald = await startHerald({ mode: 'all', config, logger });
logger.info(`Demo ready on ${config.publicOrigin}: sign up, create a workspace, open Channels and connect the local networks, then write a post (New post) and watch it go out on the Calendar.`);
for (const line of networks.instructions) logger.info(line);
for (const line of networks.warnings) logger.warn(line);
// The registry says what this Herald offers; a registered network without a fake wired in
// scripts/demo-networks.ts is named, not silently missing.
const offered = enabledNetworks(config);
logger.info(`Networks offered in this demo: ${offered.map(networkLabel).join(', ')}`);
const missing = networkIds.filter((id) => !offered.includes(id));
if (missing.length) logger.warn(`Not offered in this demo (no local fake wired in scripts/demo-networks.ts, or switched off): ${missing.map(networkLabel).join(', ')}`);

const stop = async () => {
  await herald.close();
  await networks.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
