// A subreddit's own rules for posts (GET /api/v1/{sr}/post_requirements, /r/{sr}/about and its link
// flairs), as Herald keeps them on the channel once the composer chose the subreddit, and the check
// the composer, the API (at save) and the publisher (just before submitting) all make with them.
// Each refusal names the subreddit and the requirement's field, and quotes its guidelines.
import type { RuleIssue, RuleText } from '../rules.ts';

export type RedditFlair = { id: string; text: string; textEditable: boolean; modOnly: boolean; backgroundColor: string | null; textColor: 'dark' | 'light' };

export type PostRequirements = {
  isFlairRequired: boolean;
  titleMin: number | null;
  titleMax: number | null;
  titleRequiredStrings: string[];
  titleBlacklistedStrings: string[];
  titleRegexes: string[];
  /** `required`, `notAllowed` or `none`. */
  bodyPolicy: string;
  bodyMin: number | null;
  bodyMax: number | null;
  bodyRequiredStrings: string[];
  bodyBlacklistedStrings: string[];
  /** `whitelist`, `blacklist` or `none`. */
  linkPolicy: string;
  domainWhitelist: string[];
  domainBlacklist: string[];
  galleryMin: number | null;
  galleryMax: number | null;
  guidelines: string | null;
};

export type SubredditRules = {
  name: string;
  /** `any`, `link` (no text posts) or `self` (text posts only), from /about. */
  submissionType: string;
  allowImages: boolean;
  allowVideos: boolean;
  allowGalleries: boolean;
  over18: boolean;
  requirements: PostRequirements;
  flairs: RedditFlair[];
  readAt: string;
};

export type RedditPostShape = {
  kind: 'self' | 'link' | 'image' | 'video' | 'gallery';
  title: string | null;
  body: string;
  link: string | null;
  flairId: string | null;
  galleryItems: number;
};

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** post_requirements as Reddit answers it (snake_case, nulls), normalised. */
export function requirementsOf(raw: Record<string, unknown>): PostRequirements {
  return {
    isFlairRequired: raw.is_flair_required === true,
    titleMin: count(raw.title_text_min_length),
    titleMax: count(raw.title_text_max_length),
    titleRequiredStrings: strings(raw.title_required_strings),
    titleBlacklistedStrings: strings(raw.title_blacklisted_strings),
    titleRegexes: strings(raw.title_regexes),
    bodyPolicy: typeof raw.body_restriction_policy === 'string' ? raw.body_restriction_policy : 'none',
    bodyMin: count(raw.body_text_min_length),
    bodyMax: count(raw.body_text_max_length),
    bodyRequiredStrings: strings(raw.body_required_strings),
    bodyBlacklistedStrings: strings(raw.body_blacklisted_strings),
    linkPolicy: typeof raw.link_restriction_policy === 'string' ? raw.link_restriction_policy : 'none',
    domainWhitelist: strings(raw.domain_whitelist).map((d) => d.toLowerCase()),
    domainBlacklist: strings(raw.domain_blacklist).map((d) => d.toLowerCase()),
    galleryMin: count(raw.gallery_min_items),
    galleryMax: count(raw.gallery_max_items),
    guidelines: typeof raw.guidelines_text === 'string' && raw.guidelines_text.trim() ? raw.guidelines_text.trim() : null,
  };
}

/** The rules kept on the channel for this subreddit (names compare without case), or null. */
export function subredditRulesOf(limits: Record<string, unknown>, subreddit: string): SubredditRules | null {
  const kept = limits.subreddits;
  if (!kept || typeof kept !== 'object') return null;
  const found = (kept as Record<string, unknown>)[subreddit.toLowerCase()];
  return found && typeof found === 'object' && 'requirements' in found ? (found as SubredditRules) : null;
}

/** How many subreddits' rules a channel keeps (the most recently chosen). */
export const KEPT_SUBREDDITS = 30;

/** The channel's limits with this subreddit's rules kept (the oldest dropped beyond KEPT_SUBREDDITS). */
/** Whether the channel holds a subreddit's rules (read by the `subreddit` action). */
export function hasSubredditRules(stored: Record<string, unknown>, name: string): boolean {
  const kept = stored.subreddits as Record<string, unknown> | undefined;
  return !!kept && Object.hasOwn(kept, name.toLowerCase());
}

export function keepSubredditRules(stored: Record<string, unknown>, rules: SubredditRules): Record<string, unknown> {
  const kept = { ...((stored.subreddits as Record<string, SubredditRules> | undefined) ?? {}) };
  delete kept[rules.name.toLowerCase()];
  const entries = [...Object.entries(kept), [rules.name.toLowerCase(), rules] as const].slice(-KEPT_SUBREDDITS);
  return { ...stored, subreddits: Object.fromEntries(entries) };
}

const domainOf = (link: string) => {
  try {
    return new URL(link).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
};
const listed = (domain: string, list: string[]) => list.some((d) => domain === d.replace(/^www\./, '') || domain.endsWith(`.${d.replace(/^www\./, '')}`));
const quoted = (list: string[]) => list.map((s) => `"${s}"`).join(', ');

/**
 * A subreddit's own words in a translation's values: the translation nests its reason with i18next's
 * `$t(…)`, so a `$t(` typed by a moderator is kept from being read as one (an invisible joiner).
 */
const inert = (text: string) => text.replaceAll('$t(', '$\u2060t(');

/** A subreddit's refusal always has its words, so the publisher can fail a post in them too. */
export type SubredditIssue = RuleIssue & Required<Pick<RuleText, 'key' | 'values'>>;

/**
 * Everything the subreddit would refuse in this post, each with the field it concerns and the
 * requirement it comes from (`post_requirements.<field>` or `about.<field>`), in the words Reddit
 * would use, plus the subreddit's own guidelines when it wrote some.
 */
export function subredditIssues(rules: SubredditRules, post: RedditPostShape): SubredditIssue[] {
  const r = rules.requirements;
  const sr = `r/${rules.name}`;
  const says = r.guidelines ? ` ${sr} says: “${r.guidelines}”` : '';
  const issues: SubredditIssue[] = [];
  // One translation wraps every reason (`rules.subredditReasons.<reason>`), with the guidelines' sentence when there are some.
  const guidelines: Record<string, string> = r.guidelines ? { context: 'guidelines', guidelines: inert(r.guidelines) } : {};
  const add = (field: string, message: string, source: string, reason: string, values: Record<string, string | number> = {}) =>
    issues.push({ field, message: `Reddit: ${message} (${source}).${says}`, key: 'network-reddit:rules.subreddit', values: { ...values, reason, sr: inert(sr), source, ...guidelines } });
  const title = post.title;

  if (post.kind === 'self' && rules.submissionType === 'link') add('settings.kind', `${sr} does not allow text posts, only links and media`, 'about.submission_type = link', 'noTextPosts');
  if (post.kind !== 'self' && rules.submissionType === 'self') add(post.kind === 'link' ? 'settings.kind' : 'media', `${sr} allows text posts only`, 'about.submission_type = self', 'textOnly');
  if (post.kind === 'image' && !rules.allowImages) add('media', `${sr} does not allow image posts`, 'about.allow_images = false', 'noImages');
  if (post.kind === 'video' && !rules.allowVideos) add('media', `${sr} does not allow video posts`, 'about.allow_videos = false', 'noVideos');
  if (post.kind === 'gallery' && !rules.allowGalleries) add('media', `${sr} does not allow galleries`, 'about.allow_galleries = false', 'noGalleries');
  if (post.kind === 'gallery' && r.galleryMin !== null && post.galleryItems < r.galleryMin) add('media', `${sr} wants galleries of at least ${r.galleryMin} images`, 'post_requirements.gallery_min_items', 'galleryMin', { min: r.galleryMin });
  if (post.kind === 'gallery' && r.galleryMax !== null && post.galleryItems > r.galleryMax) add('media', `${sr} takes galleries of at most ${r.galleryMax} images`, 'post_requirements.gallery_max_items', 'galleryMax', { max: r.galleryMax });

  if (r.isFlairRequired && !post.flairId) {
    const names = rules.flairs.filter((f) => !f.modOnly).map((f) => f.text);
    const message = `${sr} requires a flair on every post${names.length ? `; choose one of ${quoted(names)}` : ''}`;
    add('settings.flairId', message, 'post_requirements.is_flair_required', names.length ? 'flairRequiredChoose' : 'flairRequired', { names: inert(quoted(names)) });
  }
  if (post.flairId && rules.flairs.length && !rules.flairs.some((f) => f.id === post.flairId)) add('settings.flairId', `this flair is not one of ${sr}’s post flairs`, 'link_flair_v2', 'flairUnknown');

  if (title !== null) {
    const lower = title.toLowerCase();
    if (r.titleMin !== null && [...title].length < r.titleMin) add('settings.title', `${sr} wants titles of at least ${r.titleMin} characters`, 'post_requirements.title_text_min_length', 'titleMin', { min: r.titleMin });
    if (r.titleMax !== null && [...title].length > r.titleMax) add('settings.title', `${sr} takes titles of at most ${r.titleMax} characters`, 'post_requirements.title_text_max_length', 'titleMax', { max: r.titleMax });
    if (r.titleRequiredStrings.length && !r.titleRequiredStrings.some((s) => lower.includes(s.toLowerCase()))) {
      const several = r.titleRequiredStrings.length > 1;
      const message = `${sr} wants the title to contain ${several ? 'one of ' : ''}${quoted(r.titleRequiredStrings)}`;
      add('settings.title', message, 'post_requirements.title_required_strings', several ? 'titleContainsOneOf' : 'titleContains', { strings: inert(quoted(r.titleRequiredStrings)) });
    }
    const banned = r.titleBlacklistedStrings.filter((s) => lower.includes(s.toLowerCase()));
    if (banned.length) add('settings.title', `${sr} does not allow ${quoted(banned)} in titles`, 'post_requirements.title_blacklisted_strings', 'titleBanned', { strings: inert(quoted(banned)) });
    const patterns = r.titleRegexes.flatMap((source) => {
      try {
        return [new RegExp(source, 'i')];
      } catch {
        return [];
      }
    });
    if (patterns.length && !patterns.some((p) => p.test(title))) add('settings.title', `${sr} wants titles that match ${quoted(r.titleRegexes)}`, 'post_requirements.title_regexes', 'titleRegex', { patterns: inert(quoted(r.titleRegexes)) });
  }

  if (post.kind === 'self') {
    const body = post.body.trim();
    const lower = body.toLowerCase();
    if (r.bodyPolicy === 'required' && !body) add('text', `${sr} requires text in the body of a post`, 'post_requirements.body_restriction_policy = required', 'bodyRequired');
    if (r.bodyPolicy === 'notAllowed' && body) add('text', `${sr} does not allow text in the body of a post; post the title alone`, 'post_requirements.body_restriction_policy = notAllowed', 'bodyNotAllowed');
    if (body && r.bodyMin !== null && [...body].length < r.bodyMin) add('text', `${sr} wants a body of at least ${r.bodyMin} characters`, 'post_requirements.body_text_min_length', 'bodyMin', { min: r.bodyMin });
    if (r.bodyMax !== null && [...body].length > r.bodyMax) add('text', `${sr} takes a body of at most ${r.bodyMax} characters`, 'post_requirements.body_text_max_length', 'bodyMax', { max: r.bodyMax });
    if (body && r.bodyRequiredStrings.length && !r.bodyRequiredStrings.some((s) => lower.includes(s.toLowerCase()))) {
      const several = r.bodyRequiredStrings.length > 1;
      const message = `${sr} wants the body to contain ${several ? 'one of ' : ''}${quoted(r.bodyRequiredStrings)}`;
      add('text', message, 'post_requirements.body_required_strings', several ? 'bodyContainsOneOf' : 'bodyContains', { strings: inert(quoted(r.bodyRequiredStrings)) });
    }
    const banned = r.bodyBlacklistedStrings.filter((s) => lower.includes(s.toLowerCase()));
    if (banned.length) add('text', `${sr} does not allow ${quoted(banned)} in the body`, 'post_requirements.body_blacklisted_strings', 'bodyBanned', { strings: inert(quoted(banned)) });
  }

  if (post.kind === 'link' && post.link) {
    const domain = domainOf(post.link);
    if (r.linkPolicy === 'whitelist' && r.domainWhitelist.length && !listed(domain, r.domainWhitelist)) add('text', `${sr} accepts links to ${quoted(r.domainWhitelist)} only, not ${domain}`, 'post_requirements.domain_whitelist', 'linksOnlyTo', { domains: inert(quoted(r.domainWhitelist)), domain });
    if (listed(domain, r.domainBlacklist)) add('text', `${sr} does not accept links to ${domain}`, 'post_requirements.domain_blacklist', 'linkBanned', { domain });
  }
  return issues;
}
