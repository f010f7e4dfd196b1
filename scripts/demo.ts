// `npm run demo`: Herald wired to local fakes of the networks, so the whole connect flow can be
// tried offline with made-up accounts. Data goes to ./data-demo, never to ./data.
import path from 'node:path';
import { loadConfig } from '../src/server/config/config.ts';
import { createLogger, startHerald } from '../src/server/runtime.ts';
import { buildWebIfStale } from '../src/server/web-build.ts';
import { startTikTokFake, tiktokEnv } from '../test/fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake } from '../test/fakes/mastodon/mastodon-fake.ts';

const tiktok = await startTikTokFake();
const mastodon = await startMastodonFake();
const config = loadConfig({
  ...process.env,
  HERALD_DATA_DIR: process.env.HERALD_DATA_DIR ?? path.resolve('data-demo'),
  ...tiktokEnv(tiktok),
  HERALD_MASTODON_ALLOW_HTTP: 'true',
});
const logger = createLogger(config);
await buildWebIfStale(logger);
const herald = await startHerald({ mode: 'all', config, logger });
logger.info(
  { tiktok: tiktok.url, mastodonServer: mastodon.domain },
  `Demo ready on ${config.publicOrigin}: sign up, create a workspace, open Channels and connect TikTok, or Mastodon with the server name ${mastodon.domain} (local fakes with consent pages).`,
);

const stop = async () => {
  await herald.close();
  await tiktok.close();
  await mastodon.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
