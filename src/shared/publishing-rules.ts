// What each network accepts in a post, applied the same way by the composer, the API and the
// worker, so all three refuse the same things with the same words. Each network's rules are in its
// descriptor (src/networks/<id>/descriptor.ts).
import { networks, type NetworkId } from '../networks/index.ts';
import { defaultMediaKinds, settingIssue, utf8Length, type ChannelGrant, type ChannelLimits, type InstanceCapabilities, type MediaFacts, type MediaKind, type NetworkRules, type RuleIssue, type VariantInput } from '../networks/rules.ts';

export { countGraphemes, utf8Length } from '../networks/rules.ts';
export type { ChannelGrant, ChannelLimits, InstanceCapabilities, MediaFacts, MediaKind, NetworkRules, RuleIssue, VariantInput } from '../networks/rules.ts';
export { defaultSettings } from '../networks/index.ts';

const kindWords: Record<MediaKind, string> = { image: 'images', video: 'videos', document: 'PDF documents' };

export const publishingRules = Object.fromEntries(Object.values(networks).map((d) => [d.id, d.rules])) as Record<NetworkId, NetworkRules>;

/**
 * Everything wrong with one channel's variant, each with the field it concerns. `mediaFacts`
 * holds the probed facts of every media id the variant uses.
 */
export function checkVariant(
  network: NetworkId,
  variant: VariantInput,
  mediaFacts: Map<string, MediaFacts>,
  limits: ChannelLimits,
  options: { forPublishing: boolean; grant?: ChannelGrant; instance?: InstanceCapabilities },
): RuleIssue[] {
  const rules = publishingRules[network];
  const issues: RuleIssue[] = [];
  const label = networks[network].label;
  const settings = rules.settings.safeParse(variant.settings ?? {});
  if (!settings.success) {
    for (const issue of settings.error.issues) issues.push(settingIssue(networks[network], issue, variant.settings ?? {}));
    return issues;
  }
  if (options.grant) {
    // A permission the account owner did not grant: refused now, in words saying which one to allow.
    const used = rules.featureUsed(settings.data);
    const missing = networks[network].featureScopes[used.feature].filter((scope) => !options.grant!.scopesGranted.includes(scope));
    if (missing.length) {
      const names = missing.map((scope) => `"${scope}"`).join(' and ');
      issues.push({
        field: used.field,
        message: `${label}: this account did not give Herald the ${names} permission${missing.length > 1 ? 's' : ''} that ${used.words} needs. ${used.instead ?? 'Connect'} the account again on the Channels page and allow ${names}`,
        key: 'networks:rules.permissionMissing',
        values: { network: label, names, count: missing.length },
      });
    }
  }
  if (variant.parts.length === 0) issues.push({ field: 'parts', message: `${label}: the post is empty`, key: 'networks:rules.empty', values: { network: label }, code: 'empty' });
  if (variant.parts.length > 1 && !rules.replyChains) issues.push({ field: 'parts', message: `${label}: threads are not supported`, key: 'networks:rules.noThreads', values: { network: label } });
  if (variant.firstComment && !rules.firstComment) issues.push({ field: 'firstComment', message: `${label}: a first comment is not supported`, key: 'networks:rules.noFirstComment', values: { network: label } });
  const limit = rules.textLimit(limits);
  variant.parts.forEach((part, index) => {
    const field = index === 0 ? 'text' : `parts.${index}.text`;
    const used = limit.count(part.text);
    if (used > limit.max) {
      issues.push({ field, message: `${label}: ${used} of ${limit.max} ${limit.unit}, ${used - limit.max} too many`, key: 'networks:rules.tooLong', values: { network: label, used, max: limit.max, over: used - limit.max } });
    }
    if (rules.maxTextBytes && utf8Length(part.text) > rules.maxTextBytes) {
      issues.push({ field, message: `${label}: the text is over ${rules.maxTextBytes} bytes`, key: 'networks:rules.tooManyBytes', values: { network: label, max: rules.maxTextBytes } });
    }
    if (!part.text.trim() && part.media.length === 0 && !(index === 0 && rules.needsMedia)) {
      issues.push({ field, message: `${label}: write something or add media`, key: 'networks:rules.writeSomething', values: { network: label }, code: 'empty' });
    }
    if (part.media.length > rules.maxMedia(limits)) {
      issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: `${label}: at most ${rules.maxMedia(limits)} media files per post`, key: 'networks:rules.tooManyMedia', values: { network: label, max: rules.maxMedia(limits) } });
    }
    const facts = part.media.map((m) => mediaFacts.get(m.mediaId));
    const missing = part.media.filter((_, i) => !facts[i]);
    if (missing.length) {
      const ids = missing.map((m) => m.mediaId).join(', ');
      issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: `Media ${ids} not found in this workspace`, key: 'networks:rules.mediaNotFound', values: { ids } });
    }
    // A kind the network does not take (a PDF for Instagram) is named here, once; the network's
    // own checks only ever see the kinds it declared.
    const kinds = rules.mediaKinds ?? defaultMediaKinds;
    const known = facts.filter((f): f is MediaFacts => !!f);
    const refused = [...new Set(known.filter((f) => !kinds.includes(f.kind)).map((f) => f.kind))];
    for (const kind of refused) {
      issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: `${label} does not take ${kindWords[kind]}`, key: `networks:rules.kindRefused.${kind}`, values: { network: label } });
    }
    for (const problem of rules.checkMedia(known.filter((f) => kinds.includes(f.kind)), limits, settings.data, options.instance)) {
      issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, ...(typeof problem === 'string' ? { message: problem } : problem) });
    }
  });
  if (variant.firstComment) {
    const used = limit.count(variant.firstComment);
    if (used > limit.max) {
      issues.push({ field: 'firstComment', message: `${label}: first comment is ${used} of ${limit.max} ${limit.unit}`, key: 'networks:rules.firstCommentTooLong', values: { network: label, used, max: limit.max } });
    }
  }
  if (rules.needsMedia && (variant.parts[0]?.media.length ?? 0) === 0) {
    issues.push({ field: 'media', message: `${label}: add a video or photos (text-only posts are not possible)`, key: 'networks:rules.needsMedia', values: { network: label }, code: 'empty' });
  }
  if (options.forPublishing) issues.push(...rules.checkForPublishing({ ...variant, settings: settings.data }, limits));
  return issues;
}
