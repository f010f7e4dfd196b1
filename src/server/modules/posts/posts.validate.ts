import type { NetworkId } from '../../../shared/networks.ts';
import { checkVariant, type InstanceCapabilities, type MediaFacts, type RuleIssue } from '../../../shared/publishing-rules.ts';
import type { Db, Tx } from '../../db/database.ts';
import { loadMediaFacts } from '../media/media.service.ts';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.ts';
import { can } from '../../../shared/permissions.ts';
import { asPublished, mediaIdsOf, variantFor, type ComposeInput, type ScheduleInput } from './posts.content.ts';
import { createPostsRepository, type ChannelRow } from './posts.repository.ts';

const ACTIVE = ['publishing', 'processing'];

/**
 * validation_failed listing every issue. A rule's key and values stay out of the answer (its
 * message is the English) and are kept aside so the error handler can say it in the request's language.
 */
export function validationError(issues: RuleIssue[]): AppError {
  const said = issues.map((issue) => Object.fromEntries(Object.entries(issue).filter(([name]) => name !== 'key' && name !== 'values')));
  const error = new AppError('validation_failed', 400, `${issues[0]!.field}: ${issues[0]!.message}`, { issues: said });
  error.issueTexts = issues.map((issue) => (issue.key ? { key: issue.key, values: issue.values } : undefined));
  return error;
}

/**
 * Checks every channel's variant against its network's rules (and that the channels are this
 * workspace's, connected). Answers the variants to store; throws 400 listing every problem with
 * its field (`channels.<i>.<field>`).
 */
export async function prepareVariants(db: Db | Tx, workspaceId: string, input: ComposeInput, forPublishing: boolean, instance: InstanceCapabilities) {
  const ids = input.channels.map((c) => c.channelId);
  const rows = await createPostsRepository(db).channelsIn(workspaceId, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const facts = await loadMediaFacts(db, workspaceId, mediaIdsOf(input.channels.map((c) => variantFor(input, c))));
  const issues = checkVariants(input, byId, facts, { forPublishing, instance });
  if (issues.length) throw validationError(issues.map(({ field, message, key, values }) => ({ field, message, key, values })));
  return input.channels.map((c) => ({ channel: byId.get(c.channelId)!, content: variantFor(input, c) }));
}

/**
 * The rule check of prepareVariants without any read: the caller has loaded the workspace's
 * channels and the facts of the media used (bulk import checks thousands of posts this way on one
 * load). Fields are `channels.<i>.<field>`.
 */
export function checkVariants(
  input: ComposeInput,
  channelsById: ReadonlyMap<string, ChannelRow>,
  facts: Map<string, MediaFacts>,
  options: { forPublishing: boolean; instance: InstanceCapabilities },
): RuleIssue[] {
  const ids = input.channels.map((c) => c.channelId);
  if (new Set(ids).size !== ids.length) return [{ field: 'channels', message: 'a channel is listed twice' }];
  const issues: RuleIssue[] = [];
  input.channels.forEach((c, index) => {
    const channel = channelsById.get(c.channelId);
    const field = (name: string) => `channels.${index}.${name}`;
    if (!channel) return issues.push({ field: field('channelId'), message: 'no such channel in this workspace' });
    if (channel.status === 'disconnected') return issues.push({ field: field('channelId'), message: `${channel.username ?? channel.network} is disconnected; connect it again first` });
    // Every save checks what the granted permissions and this instance allow: a draft that could never go out is refused early.
    const checked = checkVariant(channel.network as NetworkId, asPublished(variantFor(input, c), channel.network), facts, channel.limits ?? {}, { forPublishing: options.forPublishing, grant: channel, instance: options.instance });
    for (const issue of checked) issues.push({ ...issue, field: field(issue.field) });
  });
  return issues;
}

export function requireSchedulePermission(role: string, schedule: ScheduleInput) {
  if (schedule.mode !== 'draft' && !can(role, 'posts.schedule')) throw forbidden('posts.schedule');
}

/**
 * Locks a post and its deliveries for a change by a person; refused while the engine is publishing
 * it (the engine's claim would otherwise race the change).
 */
export async function lockForChange(tx: Tx, workspaceId: string, postId: string) {
  const repo = createPostsRepository(tx);
  const group = await repo.findGroup(workspaceId, postId, true);
  if (!group) throw notFound('post');
  const rows = await repo.lockDeliveriesOf(group.id);
  if (rows.some((r) => ACTIVE.includes(r.state))) {
    throw conflict('post.publishing', 'This post is being published right now; changes are possible once it has finished');
  }
  return { group, rows };
}
