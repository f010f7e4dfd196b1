// `npm run demo`: Herald wired to local fakes of the networks, so the whole connect flow can be
// tried offline with made-up accounts. Data goes to ./data-demo, never to ./data.
import path from 'node:path';
import { enabledNetworks, networkIds, networkLabel } from '../src/networks/index.ts';
import { loadConfig } from '../src/server/config/config.ts';
import { createLogger, startHerald } from '../src/server/runtime.ts';
import { buildWebIfStale } from '../src/server/web-build.ts';
import { startTikTokFake, tiktokEnv } from '../test/fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake } from '../test/fakes/mastodon/mastodon-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds } from '../test/pds/pds.ts';

const tiktok = await startTikTokFake();
const mastodon = await startMastodonFake();
// Bluesky runs for real: the reference PDS, installed by `bash test/pds/setup.sh` (Node 22).
const pds = pdsAvailable()
  ? await startLocalPds([{ handle: 'casey.test', password: 'casey-account-password', displayName: 'Casey on Bluesky' }]).catch((error: unknown) => {
      console.error(`The local Bluesky server did not start, so Bluesky is left out of the demo: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    })
  : null;
const config = loadConfig({
  ...process.env,
  HERALD_DATA_DIR: process.env.HERALD_DATA_DIR ?? path.resolve('data-demo'),
  ...tiktokEnv(tiktok),
  HERALD_MASTODON_ALLOW_HTTP: 'true',
  ...(pds ? blueskyEnv(pds) : {}),
});
const logger = createLogger(config);
await buildWebIfStale(logger);
const herald = await startHerald({ mode: 'all', config, logger });
logger.info(
  { tiktok: tiktok.url, mastodonServer: mastodon.domain },
  `Demo ready on ${config.publicOrigin}: sign up, create a workspace, open Channels and connect TikTok, or Mastodon with the server name ${mastodon.domain} (local fakes with consent pages), then write a post (New post) and watch it go out on the Calendar.`,
);
// The registry says what this Herald offers; a registered network without a fake wired above is named, not silently missing.
const offered = enabledNetworks(config);
logger.info(`Networks offered in this demo: ${offered.map(networkLabel).join(', ')}`);
const missing = networkIds.filter((id) => !offered.includes(id));
if (missing.length) logger.warn(`Not offered in this demo (no local fake wired in scripts/demo.ts, or switched off): ${missing.map(networkLabel).join(', ')}`);
if (pds) {
  const account = pds.accounts[0]!;
  logger.info({ pds: pds.pdsUrl }, `Bluesky (a real local PDS): connect handle ${account.handle} with the app password ${account.appPassword}`);
} else {
  logger.warn('Bluesky is not part of this demo: run `bash test/pds/setup.sh` once (downloads Node 22 and the reference PDS) and start the demo again.');
}

const stop = async () => {
  await herald.close();
  await tiktok.close();
  await mastodon.close();
  await pds?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
