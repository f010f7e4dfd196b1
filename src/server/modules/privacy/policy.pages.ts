import { escapeHtml as e, renderMarkdown, type RenderedMarkdown } from './policy.markdown.ts';
import type { PolicyFacts } from './policy.service.ts';

// The standalone /privacy and /terms pages. Every operator value is escaped here (e()) or by the
// Markdown renderer; the page has no script, so it works under the app's CSP as it is.

type Section = { id: string; title: string; html: string };

const notFilledIn = (setting: string) => `<span class="missing">Not filled in by the operator (<code>${setting}</code>).</span>`;
/** The page title's suffix: the operator's name, or Herald's own when the operator has not given one. */
const titleSuffix = (facts: PolicyFacts) => (facts.operator.name ? e(facts.operator.name) : 'Herald');

function contactHtml(facts: PolicyFacts): string {
  const contact = facts.operator.contact;
  return contact ? `<a href="${e(contact.href)}">${e(contact.value)}</a>` : notFilledIn('HERALD_OPERATOR_CONTACT');
}

function operatorSection(facts: PolicyFacts, title: string): Section {
  const { name, address } = facts.operator;
  return {
    id: 'operator',
    title,
    // Without a name, "run by the operator of this Herald" said nothing: say who the operator is
    // by role, and that the name is missing (the list below shows which setting).
    html: `<p>${
      name
        ? `This Herald is run by <strong>${e(name)}</strong>, who decides how it is used and is responsible for the data it holds (the controller, in GDPR terms).`
        : 'This Herald is run by the person or organisation that installed it (its operator), who decides how it is used and is responsible for the data it holds (the controller, in GDPR terms). The operator has not given their name yet; until they do, ask the person who invited you or gave you this address who runs it.'
    }</p>
<dl>
<dt>Name</dt><dd>${name ? e(name) : notFilledIn('HERALD_OPERATOR_NAME')}</dd>
<dt>Address</dt><dd>${address ? e(address) : notFilledIn('HERALD_OPERATOR_ADDRESS')}</dd>
<dt>Contact</dt><dd>${contactHtml(facts)}</dd>
</dl>`,
  };
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const callbackMeanings: Record<string, string> = {
  deauthorize: 'when you remove Herald from your account there: Herald deletes the tokens of every account of yours connected to it, at once',
  'data-deletion': 'when you ask there for your data to be deleted: Herald ends its access and deletes the cached profile data and statistics at once, and gives you a confirmation code and a page showing the request’s status',
};
const callbackMeaning = (name: string) => (Object.hasOwn(callbackMeanings, name) ? callbackMeanings[name]! : `the ${name} call`);

function callbacksHtml(n: PolicyFacts['networks'][number]): string {
  if (!n.callbacks.length) return '';
  const items = n.callbacks.map((c) => `<li><code>${e(c.url)}</code>: ${e(callbackMeaning(c.name))}.</li>`).join('');
  return `\n<p>${e(n.label)} tells this Herald about your choices at these addresses:</p>\n<ul>${items}</ul>`;
}

function networksSection(facts: PolicyFacts): Section {
  const items = facts.networks.map((n) => {
    const how =
      n.connect === 'app-password'
        ? `Connected with an <strong>app password</strong> you create in your ${e(n.label)} account's settings and can delete there at any time; Herald asks for no OAuth scopes. The session an app password gives carries the scope below.`
        : n.connect === 'oauth-instance'
          ? `Connected through the consent page of your own ${e(n.label)} server, which shows these scopes before you agree.`
          : `Connected through ${e(n.label)}'s own consent page, which shows these scopes before you agree.`;
    const rows = n.scopes.map((s) => `<tr><td><code>${e(s.scope)}</code></td><td>${e(s.meaning)}</td></tr>`).join('');
    return `<h3 id="network-${n.id}">${e(n.label)}</h3>
<p>${how}</p>
<table><thead><tr><th scope="col">Scope</th><th scope="col">What it lets Herald do</th></tr></thead><tbody>${rows}</tbody></table>${callbacksHtml(n)}`;
  });
  return {
    id: 'networks',
    title: 'Social networks and the access Herald asks for',
    html: facts.networks.length
      ? `<p>This instance offers these networks. Herald asks each one for exactly the scopes listed, and you can see the scopes you granted on the Channels page.</p>\n${items.join('\n')}`
      : '<p>This instance offers no social network.</p>',
  };
}

const MEDIA_LIBRARY_SENTENCE =
  'A workspace’s owners and admins may turn on its <strong>media library</strong> (off unless they do, shown in <em>Workspace settings → Media library</em>): its files are then kept after publishing, with the names, alt text and tags members give them, until a member deletes them. Turning it off again lets the usual rule delete the files whose posts are all published.';

function storageSection(facts: PolicyFacts): Section {
  const r = facts.retention;
  const media = r.mediaDeleteAfterPublish
    ? `Uploaded media is kept only until every post that uses it is published or deleted, then the file is deleted.${r.mediaLibraryOptIn ? ' ' + MEDIA_LIBRARY_SENTENCE : ''}`
    : 'Uploaded media is kept in the workspace’s media library until a member deletes it (this instance keeps files after publishing).';
  return {
    id: 'storage',
    title: 'What Herald stores and how',
    html: `<ul>
<li><strong>Your account:</strong> name, e-mail address and password. Passwords are stored only as <strong>scrypt hashes</strong>, never in readable form. Session cookies are httpOnly.</li>
<li><strong>Social network tokens</strong> are <strong>encrypted at rest with AES-256-GCM</strong>, never written to logs and never sent to the browser. When you disconnect a channel, its token is <strong>revoked at the network and deleted at once</strong> (where the network offers a way to revoke, and once no other connected channel uses the same login there); the cached profile data and statistics of the disconnected account are purged after ${days(r.disconnectedRetentionDays)}.</li>
<li><strong>Posts and media:</strong> what you write and upload to schedule it. ${media}</li>
${analyticsItem(facts)}
<li><strong>Delivery logs</strong> record what Herald sent to a network and what it answered, with tokens and other credentials removed.</li>
<li><strong>Access log:</strong> one row per request (method, route without query string, status, duration, user, workspace, IP address, user agent), kept for ${days(r.accessLogDays)}.</li>
<li><strong>Audit log:</strong> every change to accounts, workspaces and memberships, with the acting user, IP address and user agent. It is append-only: entries are never edited.</li>
<li><strong>Sessions</strong> end after ${days(r.sessionIdleDays)} without use.</li>
</ul>`,
  };
}

function analyticsItem(facts: PolicyFacts): string {
  const a = facts.analytics;
  if (!a.enabled) return '<li><strong>Post statistics:</strong> this instance does not collect any (the operator turned analytics off).</li>';
  const every = a.intervalMinutes % 60 === 0 ? `${a.intervalMinutes / 60 === 1 ? 'hour' : `${a.intervalMinutes / 60} hours`}` : `${a.intervalMinutes} minutes`;
  return `<li><strong>Post statistics:</strong> for ${days(a.windowDays)} after a post is published, Herald reads its public counters (views, likes, comments, shares, where the network reports them) from the network about every ${every}, through the channel's own token. ${historySentence(a.historyDays)} A workspace or a single channel can turn this off at any time (<em>Workspace settings → Analytics</em>), and delete what was collected.</li>`;
}

function historySentence(historyDays: number): string {
  if (historyDays === 0) return 'Only the newest reading per post is kept, with each channel’s figures for today (followers, posts, summed counters).';
  return `Earlier readings are kept as the post’s history (after a week, only the last reading of each day), with each channel’s daily figures (followers, posts, summed counters), for ${days(historyDays)}.`;
}

function retentionSection(facts: PolicyFacts): Section {
  const r = facts.retention;
  const rows: [string, string][] = [
    ['Access log (requests, IP addresses, user agents)', days(r.accessLogDays)],
    ['Cached profile data and statistics of a disconnected channel', `${days(r.disconnectedRetentionDays)} after disconnecting`],
    ['Token of a disconnected channel', 'deleted at once (revoked at the network first)'],
    ['Sessions', `end after ${days(r.sessionIdleDays)} without use`],
    [
      'Post statistics',
      facts.analytics.enabled
        ? `the newest reading, read for ${days(facts.analytics.windowDays)} after publishing; kept until deleted in the workspace settings, or ${days(r.disconnectedRetentionDays)} after the channel is disconnected. Earlier readings and daily channel figures: ${facts.analytics.historyDays ? `${days(facts.analytics.historyDays)} (after a week, one reading per post per day)` : 'not kept beyond today'}, deleted with the newest reading`
        : 'not collected on this instance',
    ],
    [
      'Uploaded media',
      r.mediaDeleteAfterPublish
        ? `until every post using it is published or deleted${r.mediaLibraryOptIn ? '; in a workspace that turned its media library on, until a member deletes it' : ''}`
        : 'in the media library until deleted',
    ],
    ['Audit log', 'append-only; no automatic deletion'],
    ['Account, workspaces and posts', 'until you or a workspace owner delete them'],
  ];
  return {
    id: 'retention',
    title: 'How long data is kept',
    html: `<p>These periods are this instance’s current settings.</p>
<table><thead><tr><th scope="col">Data</th><th scope="col">Kept</th></tr></thead><tbody>${rows.map(([what, kept]) => `<tr><td>${what}</td><td>${kept}</td></tr>`).join('')}</tbody></table>`,
  };
}

function connectionsSection(facts: PolicyFacts): Section {
  const o = facts.outgoing;
  const items = [
    o.smtpConfigured
      ? "<li>The operator's <strong>SMTP server</strong>, to send e-mails (password resets, invitations, notifications).</li>"
      : '<li>No SMTP server is configured: e-mails (password resets, invitations) are written to the server log, which only the operator reads.</li>',
    facts.networks.length
      ? `<li>The <strong>social networks you connect</strong> (${facts.networks.map((n) => e(n.label)).join(', ')}), to read your profile and publish what you schedule.</li>`
      : '',
    ...o.networkServices.map(({ sentence }) => `<li>${sentence.map((part) => (typeof part === 'string' ? e(part) : `<code>${e(part.code)}</code>`)).join('')}</li>`),
  ];
  return {
    id: 'connections',
    title: 'Outgoing connections and telemetry',
    html: `<p>Herald sends <strong>no telemetry</strong> and no analytics to anyone. Its only outgoing connections are:</p>\n<ul>${items.join('')}</ul>`,
  };
}

function subprocessorsSection(facts: PolicyFacts): Section {
  const rows = facts.subprocessors.map((s) => `<tr><td>${e(s.name)}</td><td>${e(s.purpose)}</td><td>${e(s.location)}</td></tr>`).join('');
  return {
    id: 'subprocessors',
    title: 'Sub-processors',
    html: facts.subprocessors.length
      ? `<p>The operator uses these services to run this Herald:</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Purpose</th><th scope="col">Location</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p><span class="missing">None listed by the operator (<code>HERALD_SUBPROCESSORS</code>).</span></p>`,
  };
}

function rightsSection(facts: PolicyFacts): Section {
  const operator = `by writing to the operator: ${contactHtml(facts)}`;
  return {
    id: 'rights',
    title: 'Your rights',
    html: `<p>Under the GDPR you have the right to:</p>
<ul>
<li><strong>Access and portability:</strong> get a copy of your data in a machine-readable form: <em>Download all my data</em> on the <a href="/profile">Profile page</a>.</li>
<li><strong>Rectification:</strong> have wrong data corrected: your name, e-mail address (confirmed through a link sent to the new address), password and picture on the <a href="/profile">Profile page</a>, anything else ${operator}.</li>
<li><strong>Erasure:</strong> have your account and data deleted: <em>Delete my account</em> on the <a href="/profile">Profile page</a> revokes every channel you connected at its network and deletes your data${facts.accountDeletionGraceDays > 0 ? ` after a grace period of ${days(facts.accountDeletionGraceDays)}, during which you can cancel` : ' at once'}.</li>
<li><strong>Restriction:</strong> have the processing of your data limited: <em>Pause processing</em> on the <a href="/profile">Profile page</a> stops all publishing, statistics reading and token renewal for the channels you connected until you resume.</li>
<li><strong>Objection:</strong> object to processing based on legitimate interests: statistics collection can be turned off for a workspace or a single channel in <em>Workspace settings → Analytics</em>, which can also delete what was collected; anything else ${operator}.</li>
<li><strong>Complaint:</strong> lodge a complaint with a supervisory authority, for example the data protection authority of the country you live or work in (<a href="https://edpb.europa.eu/about-edpb/about-edpb/members_en">list of EU authorities</a>).</li>
</ul>
<p>Where a right has no button above, exercise it ${operator}.</p>`,
  };
}

const stylesheet = `
:root { color-scheme: light dark; --fg: #1d2430; --muted: #5b6576; --bg: #fbfbfc; --card: #fff; --line: #dfe3ea; --accent: #2f5bd3; --warn-bg: #fff6dc; --warn-fg: #6b4e00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3acbb; --bg: #14171d; --card: #1b1f27; --line: #2e3440; --accent: #8fb0ff; --warn-bg: #3a3113; --warn-fg: #f5d98b; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--card); border: 1px solid var(--line); border-radius: 4px; padding: 0 .25em; }
.generated { color: var(--muted); margin: 0 0 1.5rem; font-size: .95rem; }
nav.toc { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1.25rem; }
nav.toc h2 { border: 0; margin: 0 0 .25rem; padding: 0; font-size: 1rem; }
nav.toc ol { margin: 0; padding-left: 1.25rem; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; background: var(--card); }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border: 1px solid var(--line); }
th { font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.missing { background: var(--warn-bg); color: var(--warn-fg); border-radius: 4px; padding: 0 .3em; }
.placeholder { background: var(--warn-bg); color: var(--warn-fg); border-radius: 8px; padding: .75rem 1rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
`;

function page(options: { title: string; facts: PolicyFacts; sections: Section[]; extra?: RenderedMarkdown; otherPage: { href: string; label: string } }): string {
  const { title, facts, sections, extra } = options;
  const toc = [
    ...sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`),
    ...(extra?.headings ?? []).filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${h.labelHtml}</a></li>`),
  ];
  const generated = facts.generatedAt.slice(0, 10);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · ${titleSuffix(facts)}</title>
<style>${stylesheet}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
<p class="generated">Last generated from this instance's configuration on <time datetime="${e(facts.generatedAt)}">${generated}</time>.</p>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${toc.join('')}</ol></nav>
${sections.map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${e(s.title)}</h2>\n${s.html}</section>`).join('\n')}
${extra?.html ? `<section class="custom">\n${extra.html}\n</section>` : ''}
<footer><p><a href="${options.otherPage.href}">${options.otherPage.label}</a> · <a href="/">Herald</a></p></footer>
</main>
</body>
</html>
`;
}

export function renderPrivacyPage(facts: PolicyFacts, extraMarkdown: string | undefined): string {
  return page({
    title: 'Privacy policy',
    facts,
    sections: [
      operatorSection(facts, 'Who is responsible'),
      networksSection(facts),
      storageSection(facts),
      retentionSection(facts),
      connectionsSection(facts),
      subprocessorsSection(facts),
      rightsSection(facts),
    ],
    extra: extraMarkdown === undefined ? undefined : renderMarkdown(extraMarkdown, { idPrefix: 'operator-' }),
    otherPage: { href: '/terms', label: 'Terms of service' },
  });
}

export function renderTermsPage(facts: PolicyFacts, extraMarkdown: string | undefined): string {
  const networkTerms = facts.networks
    .map((n) => `<li>${e(n.label)}: ${n.terms.map((t) => `<a href="${e(t.url)}">${e(t.label)}</a>`).join(', ')}</li>`)
    .join('');
  const sections: Section[] = [
    operatorSection(facts, 'Who provides this service'),
    {
      id: 'service',
      title: 'What the service does',
      html: `<p>Herald lets you and the members of your workspaces write posts, schedule them and publish them to the social network accounts you connect${facts.networks.length ? ` (${facts.networks.map((n) => e(n.label)).join(', ')})` : ''}, and shows those accounts' profile and statistics. It publishes only what you schedule, at the time you choose. How your data is handled is described in the <a href="/privacy">privacy policy</a>.</p>`,
    },
    {
      id: 'acceptable-use',
      title: 'Acceptable use',
      html: `<p>You are responsible for what you publish through Herald. Do not use it to publish anything unlawful, to send spam or to break the rules of the networks you publish to. Each network's own terms apply to everything you publish there:</p>
${networkTerms ? `<ul>${networkTerms}</ul>` : '<p>This instance offers no social network.</p>'}`,
    },
    {
      id: 'termination',
      title: 'Account termination',
      html: `<p>You can stop using Herald at any time: disconnect your channels (their tokens are revoked at the network and deleted at once) and delete your account yourself with <em>Delete my account</em> on the <a href="/profile">Profile page</a>${facts.accountDeletionGraceDays > 0 ? ` (it is deleted after a grace period of ${days(facts.accountDeletionGraceDays)}, during which you can cancel)` : ' (it is deleted at once)'}; workspaces you own alone are deleted with it. The operator may suspend or close an account that breaks these terms or the networks' terms, and may stop running this instance; where possible you will be told in advance so you can take a copy of your data.</p>`,
    },
  ];
  if (!facts.customSections.terms) {
    sections.push({
      id: 'liability',
      title: 'Liability',
      html: `<div class="placeholder" role="note"><p><strong>Placeholder:</strong> the operator has not provided liability terms for this instance.</p><p>Operators: replace this section with your own terms (liability, warranty, governing law) in a Markdown file named by <code>HERALD_TERMS_EXTRA_FILE</code>.</p></div>`,
    });
  }
  sections.push({ id: 'contact', title: 'Contact', html: `<p>Questions about these terms: ${contactHtml(facts)}</p>` });
  return page({
    title: 'Terms of service',
    facts,
    sections,
    extra: extraMarkdown === undefined ? undefined : renderMarkdown(extraMarkdown, { idPrefix: 'operator-' }),
    otherPage: { href: '/privacy', label: 'Privacy policy' },
  });
}
