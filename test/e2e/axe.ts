import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core in the journeys' Chromium pages: WCAG 2.2 AA is Herald's bar (issue 22), and a serious
// or critical finding fails the journey with what to fix.

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every A and AA rule of WCAG 2.0, 2.1 and 2.2 (axe has no 2.2 level-A rule, so no `wcag22a` tag). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const blocking: ImpactValue[] = ['serious', 'critical'];

export type AxeFinding = { rule: string; impact: ImpactValue | null; help: string; helpUrl: string; targets: string[] };

/** Runs axe on the page as it is now; answers every violation (of any impact), one row per rule. */
export async function axeFindings(page: Page, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol, not as a <script> tag: Herald's Content-Security-Policy
  // refuses inline scripts, and a test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      return axe.run({ include: [document], exclude: exclude.map((selector) => [selector]) }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    { tags: wcagTags, exclude: options.exclude ?? [] },
  );
  return results.violations.map((v: Result) => ({ rule: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
}

export const isBlocking = (f: AxeFinding) => f.impact !== null && blocking.includes(f.impact);

/** One readable line per rule: impact, rule id, help, and the first elements it found. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => {
      const shown = f.targets.slice(0, 6).join(', ');
      const more = f.targets.length > 6 ? ` (+${f.targets.length - 6} more)` : '';
      return `  [${f.impact}] ${f.rule}: ${f.help}\n      at ${shown}${more}\n      ${f.helpUrl}`;
    })
    .join('\n');
}

/** Fails when axe finds a serious or critical WCAG A/AA violation on the page; `where` names the screen in the message. */
export async function expectAccessible(page: Page, where: string, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  const findings = await axeFindings(page, options);
  const serious = findings.filter(isBlocking);
  if (serious.length) throw new Error(`axe: ${serious.length} serious or critical WCAG violation(s) on ${where} (${page.url()}):\n${describeFindings(serious)}`);
  return findings;
}
