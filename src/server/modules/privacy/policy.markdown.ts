// The small Markdown subset operators write their own policy sections in (HERALD_POLICY_EXTRA_FILE,
// HERALD_TERMS_EXTRA_FILE): headings, paragraphs, lists, emphasis, code and links. The text is
// untrusted, so every character goes through escapeHtml and raw HTML is shown as text, not run.

/** `labelHtml` is the heading as escaped HTML without tags (for a table of contents). */
export type MarkdownHeading = { level: number; id: string; labelHtml: string };
export type RenderedMarkdown = { html: string; headings: MarkdownHeading[] };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only links a reader can follow without running anything: http(s) pages and e-mail addresses. */
export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  // Spaces and control characters have no place in a link and can hide a different scheme.
  if (!/^(https?:\/\/|mailto:)/i.test(href) || [...href].some((c) => c <= ' ' || /\s/.test(c))) return undefined;
  try {
    new URL(href);
    return href;
  } catch {
    return undefined;
  }
}

const headingLine = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const bulletItem = /^ {0,3}[-*+][ \t]+(.*)$/;
const orderedItem = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: 'list' }> | undefined;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = headingLine.exec(line);
    const bullet = bulletItem.exec(line);
    const ordered = orderedItem.exec(line);
    if (!line.trim()) {
      flushParagraph();
      list = undefined;
    } else if (heading) {
      flushParagraph();
      list = undefined;
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! });
    } else if (bullet || ordered) {
      flushParagraph();
      const isOrdered = !bullet;
      if (!list || list.ordered !== isOrdered) {
        list = { kind: 'list', ordered: isOrdered, items: [] };
        blocks.push(list);
      }
      list.items.push((bullet ?? ordered)![1]!.trim());
    } else if (list && /^[ \t]/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      list = undefined;
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  return blocks;
}

const inlineRules: { pattern: RegExp; render: (m: RegExpExecArray) => string }[] = [
  { pattern: /^\\([\\`*_[\]()#+\-.!<>])/, render: (m) => escapeHtml(m[1]!) },
  { pattern: /^`([^`]+)`/, render: (m) => `<code>${escapeHtml(m[1]!)}</code>` },
  { pattern: /^<((?:https?:\/\/|mailto:)[^<>\s]+)>/i, render: (m) => link(m[1]!, escapeHtml(m[1]!.replace(/^mailto:/i, ''))) },
  { pattern: /^\[((?:[^[\]]|\\[[\]])+)\]\(\s*<?((?:[^()<>\s]|\([^()<>\s]*\))+)>?\s*\)/, render: (m) => link(m[2]!, renderInline(m[1]!)) },
  { pattern: /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/, render: (m) => `<strong>${renderInline(m[2]!)}</strong>` },
  { pattern: /^\*(?=[^\s*])([\s\S]*?[^\s*])\*/, render: (m) => `<em>${renderInline(m[1]!)}</em>` },
  { pattern: /^_(?=[^\s_])([\s\S]*?[^\s_])_(?![A-Za-z0-9])/, render: (m) => `<em>${renderInline(m[1]!)}</em>` },
];

function link(rawHref: string, labelHtml: string): string {
  const href = safeHref(rawHref);
  // A link to anything else (javascript:, data:, relative paths) keeps its text and loses the link.
  return href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">${labelHtml}</a>` : labelHtml;
}

export function renderInline(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    // `_` inside a word (snake_case) is not emphasis.
    const intraword = rest[0] === '_' && i > 0 && /[A-Za-z0-9]/.test(text[i - 1]!);
    const match = intraword ? undefined : inlineRules.map((rule) => ({ rule, m: rule.pattern.exec(rest) })).find((r) => r.m);
    if (match?.m) {
      out += match.rule.render(match.m);
      i += match.m[0].length;
    } else {
      out += escapeHtml(text[i]!);
      i += 1;
    }
  }
  return out;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    // Accents apart from their letters, then dropped: "Témoins" is "temoins", not "te-moins".
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'section';

/**
 * Renders operator Markdown. The file's top heading level becomes `topLevel` (h2 on the policy
 * pages, below the page's own h1); heading ids start with `idPrefix` so they cannot clash with
 * the page's sections.
 */
export function renderMarkdown(markdown: string, options: { topLevel?: number; idPrefix?: string } = {}): RenderedMarkdown {
  const topLevel = options.topLevel ?? 2;
  const idPrefix = options.idPrefix ?? 'md-';
  const blocks = parseBlocks(markdown);
  const levels = blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : []));
  const shift = levels.length ? topLevel - Math.min(...levels) : 0;
  const used = new Set<string>();
  const headings: MarkdownHeading[] = [];
  const html = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${renderInline(block.text)}</p>`;
      if (block.kind === 'list') {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`;
      }
      const level = Math.min(6, block.level + shift);
      const inner = renderInline(block.text);
      // The rendered text holds tags only from renderInline; every `<` of the source is escaped.
      const plain = inner.replace(/<[^>]*>/g, '');
      let id = `${idPrefix}${slug(block.text)}`;
      for (let n = 2; used.has(id); n += 1) id = `${idPrefix}${slug(block.text)}-${n}`;
      used.add(id);
      headings.push({ level, id, labelHtml: plain });
      return `<h${level} id="${id}">${inner}</h${level}>`;
    })
    .join('\n');
  return { html, headings };
}
