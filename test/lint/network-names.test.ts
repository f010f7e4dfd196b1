import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule that keeps network knowledge in the network folders (eslint.config.js), run on snippets.
const eslint = new ESLint();
const ruleIds = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe('lint: networks are named only in their folders', () => {
  it('refuses a network name as a string, a template or a config-style key outside src/networks/<id>/', async () => {
    expect(await ruleIds("export const a = 'tiktok';\n", 'src/server/modules/posts/x.ts')).toEqual(['no-restricted-syntax']);
    expect(await ruleIds('export const a = `mastodon`;\n', 'src/web/modules/posts/x.ts')).toEqual(['no-restricted-syntax']);
    expect(await ruleIds('export const a = (c: { blueskyPlcUrl: string }) => c.blueskyPlcUrl;\n', 'src/shared/x.ts')).toEqual(['no-restricted-syntax']);
  });

  it("allows it in the network's own folder and in tests", async () => {
    expect(await ruleIds("export const a = 'tiktok';\n", 'src/networks/tiktok/x.ts')).toEqual([]);
    expect(await ruleIds("export const a = 'tiktok';\n", 'src/server/modules/posts/x.test.ts')).toEqual([]);
  });

  it('refuses drizzle-orm in a routes file', async () => {
    expect(await ruleIds("import { eq } from 'drizzle-orm';\nexport const a = eq;\n", 'src/server/modules/posts/x.routes.ts')).toEqual(['no-restricted-imports']);
  });
});
