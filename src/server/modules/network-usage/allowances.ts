import type { Db, Tx } from '../../db/database.ts';
import { isNetworkId } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import type { RuleIssue } from '../../../networks/rules.ts';
import type { UsageLine } from '../../../networks/types.ts';

// What a network counts in the ledger, as the rest of Herald asks about it: what a channel has
// left (the Channels page) and whether a post about to be scheduled still fits (the save).

/** A channel's allowances left, or [] for networks that count nothing. */
export async function usageOf(db: Db, channel: { id: string; network: string; externalId: string }): Promise<UsageLine[]> {
  if (!isNetworkId(channel.network)) return [];
  const usage = serverParts[channel.network].usage;
  return usage ? usage({ db, channel }) : [];
}

/** Refusals, field by field (`channels.<i>.schedule`), for posts the networks' allowances cannot take at `at`. */
export async function checkAllowances(db: Db | Tx, variants: { channel: { id: string; network: string; externalId: string }; content: { parts: unknown[] } }[], at: Date): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  for (const [index, { channel, content }] of variants.entries()) {
    if (!isNetworkId(channel.network)) continue;
    const check = serverParts[channel.network].checkSchedule;
    if (!check) continue;
    for (const issue of await check({ db, channel, at, posts: content.parts.length })) issues.push({ ...issue, field: `channels.${index}.${issue.field}` });
  }
  return issues;
}
