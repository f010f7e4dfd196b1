import { networkLabel } from '../../../networks/index.ts';
import { escapeHtml as e } from '../privacy/policy.markdown.ts';
import type { DeletionStatus } from './network-callbacks.service.ts';

// The page a network links a person to after they asked for their data to be deleted. Public and
// without script (it works under the app's CSP as it is); it states what was done, never who asked.

const stylesheet = `
:root { color-scheme: light dark; --fg: #1d2430; --muted: #5b6576; --bg: #fbfbfc; --line: #dfe3ea; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3acbb; --bg: #14171d; --line: #2e3440; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 2.5rem 1.25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
code { font: .95em ui-monospace, SFMono-Regular, Menlo, monospace; }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>${stylesheet}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
${body}
<footer><p><a href="/privacy">Privacy policy</a></p></footer>
</main>
</body>
</html>
`;
}

const day = (at: Date) => at.toISOString().slice(0, 10);
const channelCount = (n: number) => (n === 1 ? '1 connected account' : `${n} connected accounts`);

export function renderDeletionStatusPage(status: DeletionStatus): string {
  const label = networkLabel(status.network);
  const done = status.status === 'completed' && status.completedAt;
  const summary = done
    ? `<p>Your request to delete the data this Herald held from ${e(label)} is <strong>complete</strong>. Herald's access was ended and the cached profile data, pictures and post statistics of ${channelCount(status.channelsAffected)} were deleted.</p>`
    : `<p>Your request to delete the data this Herald holds from ${e(label)} is <strong>being processed</strong>.</p>`;
  return page(
    'Data deletion request',
    `${summary}
<dl>
<dt>Confirmation code</dt><dd><code>${e(status.code)}</code></dd>
<dt>Network</dt><dd>${e(label)}</dd>
<dt>Requested</dt><dd><time datetime="${status.requestedAt.toISOString()}">${day(status.requestedAt)}</time></dd>
<dt>Completed</dt><dd>${status.completedAt ? `<time datetime="${status.completedAt.toISOString()}">${day(status.completedAt)}</time>` : 'not yet'}</dd>
<dt>Accounts affected</dt><dd>${status.channelsAffected}</dd>
</dl>`,
  );
}

export const deletionNotFoundPage = () =>
  page('Data deletion request', '<p>No deletion request has this confirmation code. Check the link you were given, or ask the operator of this Herald (see the privacy policy).</p>');
