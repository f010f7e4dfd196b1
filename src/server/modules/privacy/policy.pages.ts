import { descriptorKeys } from '../../../networks/texts.ts';
import { supportedLanguages, type Language } from '../../../shared/languages.ts';
import { escapeHtml as e, renderMarkdown, type RenderedMarkdown } from './policy.markdown.ts';
import type { PolicyFacts } from './policy.service.ts';
import { languageNames, policyWords, type PolicyWords } from './policy.words.ts';

// The standalone /privacy and /terms pages, in one language. Every operator value is escaped here
// (e(), or the `values` of words.html) or by the Markdown renderer; the page has no script, so it
// works under the app's CSP as it is.

/** `title` is HTML like `html`: translations are Herald's own text, escaped where they take values. */
type Section = { id: string; title: string; html: string };

/** The operator's own Markdown for a page, and whether it is written in the page's language. */
export type OperatorSection = { markdown: string; inPageLanguage: boolean };

/** What a page is rendered for: its language, and the operator's section if there is one. */
export type PageOptions = { language: Language; operator: OperatorSection | undefined };

const notFilledIn = (w: PolicyWords, setting: string) => `<span class="missing">${w.html('page.notFilledIn', { setting })}</span>`;
/** The page title's suffix: the operator's name, or Herald's own when the operator has not given one. */
const titleSuffix = (facts: PolicyFacts) => (facts.operator.name ? e(facts.operator.name) : 'Herald');
/** A link to the other policy page, in the same language as this one. */
const pageHref = (path: '/privacy' | '/terms', w: PolicyWords) => `${path}?lang=${w.language}`;

function contactHtml(facts: PolicyFacts, w: PolicyWords): string {
  const contact = facts.operator.contact;
  return contact ? `<a href="${e(contact.href)}">${e(contact.value)}</a>` : notFilledIn(w, 'HERALD_OPERATOR_CONTACT');
}

function operatorSection(facts: PolicyFacts, w: PolicyWords, title: string): Section {
  const { name, address } = facts.operator;
  return {
    id: 'operator',
    title,
    // Without a name, "run by the operator of this Herald" said nothing: say who the operator is
    // by role, and that the name is missing (the list below shows which setting).
    html: `<p>${name ? w.html('operator.runBy', { name }) : w.html('operator.runByUnnamed')}</p>
<dl>
<dt>${w.html('operator.name')}</dt><dd>${name ? e(name) : notFilledIn(w, 'HERALD_OPERATOR_NAME')}</dd>
<dt>${w.html('operator.address')}</dt><dd>${address ? e(address) : notFilledIn(w, 'HERALD_OPERATOR_ADDRESS')}</dd>
<dt>${w.html('operator.contact')}</dt><dd>${contactHtml(facts, w)}</dd>
</dl>`,
  };
}

const knownCallbacks = ['deauthorize', 'data-deletion'];
const callbackMeaning = (w: PolicyWords, name: string) => (knownCallbacks.includes(name) ? w.html(`networks.callbacks.${name}`) : w.html('networks.callbacks.other', { name }));

function callbacksHtml(w: PolicyWords, n: PolicyFacts['networks'][number]): string {
  if (!n.callbacks.length) return '';
  const items = n.callbacks.map((c) => `<li>${w.html('networks.callbacks.item', { urlHtml: `<code>${e(c.url)}</code>`, meaningHtml: callbackMeaning(w, c.name) })}</li>`).join('');
  return `\n<p>${w.html('networks.callbacks.intro', { network: n.label })}</p>\n<ul>${items}</ul>`;
}

function networksSection(facts: PolicyFacts, w: PolicyWords): Section {
  const items = facts.networks.map((n) => {
    const rows = n.scopes
      .map((s) => `<tr><td><code>${e(s.scope)}</code></td><td>${e(w.networkText(n.id, descriptorKeys.scopeMeaning(s.scope), s.meaning))}</td></tr>`)
      .join('');
    return `<h3 id="network-${n.id}">${e(n.label)}</h3>
<p>${w.html(`networks.connect.${n.connect}`, { network: n.label })}</p>
<table><thead><tr><th scope="col">${w.html('networks.scope')}</th><th scope="col">${w.html('networks.scopeMeaning')}</th></tr></thead><tbody>${rows}</tbody></table>${callbacksHtml(w, n)}`;
  });
  return {
    id: 'networks',
    title: w.html('networks.title'),
    html: facts.networks.length ? `<p>${w.html('networks.intro')}</p>\n${items.join('\n')}` : `<p>${w.html('networks.none')}</p>`,
  };
}

function storageSection(facts: PolicyFacts, w: PolicyWords): Section {
  const r = facts.retention;
  const media = r.mediaDeleteAfterPublish
    ? `${w.html('storage.mediaDeletedAfterPublish')}${r.mediaLibraryOptIn ? ' ' + w.html('storage.mediaLibraryOptIn') : ''}`
    : w.html('storage.mediaKept');
  return {
    id: 'storage',
    title: w.html('storage.title'),
    html: `<ul>
<li>${w.html('storage.account')}</li>
<li>${w.html('storage.tokens', { days: w.days(r.disconnectedRetentionDays) })}</li>
<li>${w.html('storage.posts', { mediaHtml: media })}</li>
${analyticsItem(facts, w)}
<li>${w.html('storage.deliveryLogs')}</li>
<li>${w.html('storage.accessLog', { days: w.days(r.accessLogDays) })}</li>
<li>${w.html('storage.auditLog')}</li>
<li>${w.html('storage.sessions', { days: w.days(r.sessionIdleDays) })}</li>
</ul>`,
  };
}

function analyticsItem(facts: PolicyFacts, w: PolicyWords): string {
  const a = facts.analytics;
  if (!a.enabled) return `<li>${w.html('storage.analyticsOff')}</li>`;
  const every = a.intervalMinutes % 60 === 0 ? w.html('storage.every.hours', { count: a.intervalMinutes / 60 }) : w.html('storage.every.minutes', { count: a.intervalMinutes });
  const historyHtml = a.historyDays === 0 ? w.html('storage.historyNone') : w.html('storage.historyKept', { days: w.days(a.historyDays) });
  return `<li>${w.html('storage.analyticsOn', { window: w.days(a.windowDays), every, historyHtml })}</li>`;
}

function retentionSection(facts: PolicyFacts, w: PolicyWords): Section {
  const r = facts.retention;
  const a = facts.analytics;
  const statistics = a.enabled
    ? w.html('retention.statisticsKept', {
        window: w.days(a.windowDays),
        disconnected: w.days(r.disconnectedRetentionDays),
        historyHtml: a.historyDays ? w.html('retention.historyKept', { days: w.days(a.historyDays) }) : w.html('retention.historyNone'),
      })
    : w.html('retention.statisticsOff');
  const media = r.mediaDeleteAfterPublish ? w.html(r.mediaLibraryOptIn ? 'retention.mediaDeletedOrLibrary' : 'retention.mediaDeleted') : w.html('retention.mediaKept');
  const rows: [string, string][] = [
    [w.html('retention.accessLog'), w.days(r.accessLogDays)],
    [w.html('retention.disconnectedData'), w.html('retention.disconnectedDataKept', { days: w.days(r.disconnectedRetentionDays) })],
    [w.html('retention.disconnectedToken'), w.html('retention.disconnectedTokenKept')],
    [w.html('retention.sessions'), w.html('retention.sessionsKept', { days: w.days(r.sessionIdleDays) })],
    [w.html('retention.statistics'), statistics],
    [w.html('retention.media'), media],
    [w.html('retention.audit'), w.html('retention.auditKept')],
    [w.html('retention.account'), w.html('retention.accountKept')],
  ];
  return {
    id: 'retention',
    title: w.html('retention.title'),
    html: `<p>${w.html('retention.intro')}</p>
<table><thead><tr><th scope="col">${w.html('retention.data')}</th><th scope="col">${w.html('retention.kept')}</th></tr></thead><tbody>${rows.map(([what, kept]) => `<tr><td>${what}</td><td>${kept}</td></tr>`).join('')}</tbody></table>`,
  };
}

/** The enabled networks' outgoing sentences, each in this language where the network translated it. */
function networkServiceItems(facts: PolicyFacts, w: PolicyWords): string[] {
  // A network's sentences are numbered from 0 in its own list (descriptorKeys.outgoing).
  const seen = new Map<string, number>();
  return facts.outgoing.networkServices.map(({ network, sentence }) => {
    const index = seen.get(network) ?? 0;
    seen.set(network, index + 1);
    const parts = w.networkSentence(network, descriptorKeys.outgoing(index), sentence);
    return `<li>${parts.map((part) => (typeof part === 'string' ? e(part) : `<code>${e(part.code)}</code>`)).join('')}</li>`;
  });
}

function connectionsSection(facts: PolicyFacts, w: PolicyWords): Section {
  const items = [
    `<li>${w.html(facts.outgoing.smtpConfigured ? 'connections.smtp' : 'connections.noSmtp')}</li>`,
    facts.networks.length ? `<li>${w.html('connections.networks', { networks: networkList(facts) })}</li>` : '',
    ...networkServiceItems(facts, w),
  ];
  return {
    id: 'connections',
    title: w.html('connections.title'),
    html: `<p>${w.html('connections.intro')}</p>\n<ul>${items.join('')}</ul>`,
  };
}

const networkList = (facts: PolicyFacts) => facts.networks.map((n) => n.label).join(', ');

function subprocessorsSection(facts: PolicyFacts, w: PolicyWords): Section {
  const rows = facts.subprocessors.map((s) => `<tr><td>${e(s.name)}</td><td>${e(s.purpose)}</td><td>${e(s.location)}</td></tr>`).join('');
  return {
    id: 'subprocessors',
    title: w.html('subprocessors.title'),
    html: facts.subprocessors.length
      ? `<p>${w.html('subprocessors.intro')}</p>
<table><thead><tr><th scope="col">${w.html('subprocessors.name')}</th><th scope="col">${w.html('subprocessors.purpose')}</th><th scope="col">${w.html('subprocessors.location')}</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p><span class="missing">${w.html('subprocessors.none', { setting: 'HERALD_SUBPROCESSORS' })}</span></p>`,
  };
}

function rightsSection(facts: PolicyFacts, w: PolicyWords): Section {
  const operatorHtml = w.html('rights.byOperator', { contactHtml: contactHtml(facts, w) });
  const grace = facts.accountDeletionGraceDays;
  return {
    id: 'rights',
    title: w.html('rights.title'),
    html: `<p>${w.html('rights.intro')}</p>
<ul>
<li>${w.html('rights.access')}</li>
<li>${w.html('rights.rectification', { operatorHtml })}</li>
<li>${grace > 0 ? w.html('rights.erasureAfterGrace', { days: w.days(grace) }) : w.html('rights.erasureAtOnce')}</li>
<li>${w.html('rights.restriction')}</li>
<li>${w.html('rights.objection', { operatorHtml })}</li>
<li>${w.html('rights.complaint')}</li>
</ul>
<p>${w.html('rights.otherwise', { operatorHtml })}</p>`,
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
nav.languages { float: right; font-size: .9rem; }
nav.languages ul { list-style: none; margin: 0; padding: 0; display: flex; gap: .75rem; }
nav.languages [aria-current] { font-weight: 600; }
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

/** Links to the same page in every language; each name is written in its own language. */
function languageSwitch(w: PolicyWords): string {
  const items = supportedLanguages.map((language) =>
    language === w.language
      ? `<li><span aria-current="true" lang="${language}">${e(languageNames[language])}</span></li>`
      : `<li><a href="?lang=${language}" hreflang="${language}" lang="${language}">${e(languageNames[language])}</a></li>`,
  );
  return `<nav class="languages" aria-label="${w.html('languages')}"><ul>${items.join('')}</ul></nav>`;
}

/** The operator's Markdown, after a note when it is not written in the page's language. */
function operatorHtml(w: PolicyWords, operator: OperatorSection | undefined, rendered: RenderedMarkdown | undefined): string {
  if (!operator || !rendered?.html) return '';
  const note = operator.inPageLanguage ? '' : `<p class="placeholder" role="note">${w.html('page.operatorSectionInOtherLanguage')}</p>\n`;
  return `<section class="custom">\n${note}${rendered.html}\n</section>`;
}

/** `title` and `otherPage.label` are HTML (translations). */
function page(options: { title: string; facts: PolicyFacts; words: PolicyWords; sections: Section[]; operator?: OperatorSection; otherPage: { href: string; label: string } }): string {
  const { title, facts, words: w, sections, operator } = options;
  const extra = operator === undefined ? undefined : renderMarkdown(operator.markdown, { idPrefix: 'operator-' });
  const toc = [
    ...sections.map((s) => `<li><a href="#${s.id}">${s.title}</a></li>`),
    ...(extra?.headings ?? []).filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${h.labelHtml}</a></li>`),
  ];
  const date = `<time datetime="${e(facts.generatedAt)}">${e(w.date(facts.generatedAt))}</time>`;
  return `<!doctype html>
<html lang="${w.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${titleSuffix(facts)}</title>
<style>${stylesheet}</style>
</head>
<body>
<main>
${languageSwitch(w)}
<h1>${title}</h1>
<p class="generated">${w.html('page.generated', { dateHtml: date })}</p>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${w.html('page.contents')}</h2><ol>${toc.join('')}</ol></nav>
${sections.map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${s.title}</h2>\n${s.html}</section>`).join('\n')}
${operatorHtml(w, operator, extra)}
<footer><p><a href="${options.otherPage.href}">${options.otherPage.label}</a> · <a href="/">Herald</a></p></footer>
</main>
</body>
</html>
`;
}

export function renderPrivacyPage(facts: PolicyFacts, { language, operator }: PageOptions): string {
  const w = policyWords(language);
  return page({
    title: w.html('privacy.title'),
    facts,
    words: w,
    sections: [
      operatorSection(facts, w, w.html('operator.titlePrivacy')),
      networksSection(facts, w),
      storageSection(facts, w),
      retentionSection(facts, w),
      connectionsSection(facts, w),
      subprocessorsSection(facts, w),
      rightsSection(facts, w),
    ],
    operator,
    otherPage: { href: pageHref('/terms', w), label: w.html('terms.title') },
  });
}

/** `operatorFileEnv`: the setting an operator sets to replace the liability placeholder in this language. */
export function renderTermsPage(facts: PolicyFacts, { language, operator, operatorFileEnv }: PageOptions & { operatorFileEnv: string }): string {
  const w = policyWords(language);
  const networkTerms = facts.networks
    .map((n) => {
      const linksHtml = n.terms.map((t, i) => `<a href="${e(t.url)}">${e(w.networkText(n.id, descriptorKeys.termsLabel(i), t.label))}</a>`).join(', ');
      return `<li>${w.html('networks.termsItem', { network: n.label, linksHtml })}</li>`;
    })
    .join('');
  const privacyHref = pageHref('/privacy', w);
  const grace = facts.accountDeletionGraceDays;
  const sections: Section[] = [
    operatorSection(facts, w, w.html('operator.titleTerms')),
    {
      id: 'service',
      title: w.html('service.title'),
      html: `<p>${facts.networks.length ? w.html('service.textWithNetworks', { networks: networkList(facts), privacyHref }) : w.html('service.text', { privacyHref })}</p>`,
    },
    {
      id: 'acceptable-use',
      title: w.html('acceptableUse.title'),
      html: `<p>${w.html('acceptableUse.text')}</p>
${networkTerms ? `<ul>${networkTerms}</ul>` : `<p>${w.html('networks.none')}</p>`}`,
    },
    {
      id: 'termination',
      title: w.html('termination.title'),
      html: `<p>${grace > 0 ? w.html('termination.textAfterGrace', { days: w.days(grace) }) : w.html('termination.textAtOnce')}</p>`,
    },
  ];
  if (!facts.customSections.terms) {
    sections.push({
      id: 'liability',
      title: w.html('liability.title'),
      html: `<div class="placeholder" role="note"><p>${w.html('liability.placeholder')}</p><p>${w.html('liability.operators', { setting: operatorFileEnv })}</p></div>`,
    });
  }
  sections.push({ id: 'contact', title: w.html('contact.title'), html: `<p>${w.html('contact.text', { contactHtml: contactHtml(facts, w) })}</p>` });
  return page({
    title: w.html('terms.title'),
    facts,
    words: w,
    sections,
    operator,
    otherPage: { href: pageHref('/privacy', w), label: w.html('privacy.title') },
  });
}
