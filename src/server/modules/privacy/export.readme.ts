/** The README.md at the root of every export: what each file holds, in plain words. */
export const EXPORT_README = (retentionHours: number) => `# Your data from Herald

This archive holds everything Herald keeps about you. Every file is plain JSON (dates in UTC,
ISO 8601) that any text editor or spreadsheet tool can open. The download link worked for
${retentionHours} hours; after that Herald deleted this archive from the server.

| File | What it holds |
| --- | --- |
| \`profile.json\` | Your account: name, email, whether two-factor sign-in is on, how you sign in, and your sessions (when and from where you signed in). Your password and two-factor secrets are never exported. |
| \`avatar.webp\` | Your profile picture, as Herald keeps it (256×256 pixels). Only there if you set one. |
| \`workspaces.json\` | The workspaces you belong to now, your role in each, and whether each keeps a media library (\`mediaLibraryEnabled\`: files kept after publishing until a member deletes them; off by default, when files are deleted once published). |
| \`channels.json\` | The social accounts connected to your workspaces, and whether you connected them. The access tokens Herald holds for them are secret and are not included. |
| \`posts.json\` | The posts you wrote in the workspaces you belong to now, with each channel's version (delivery), and every publishing attempt with what the network answered. |
| \`comments.json\` | The internal comments you wrote on posts of the workspaces you belong to now: the post they are on, what you wrote, whom you mentioned (their user ids) and when. Comments are never sent to a network. |
| \`feeds.json\` | The RSS, Atom and JSON feeds your workspaces read to make posts: address, channels, template, interval, the state of their last check, and whether you saved one last. |
| \`snippets.json\` | The hashtag groups, signatures and other snippets saved in your workspaces, and whether you wrote them. |
| \`media.json\` and \`media/\` | The files you uploaded to the workspaces you belong to now that Herald still keeps, and their facts (type, size, dimensions), the library name, alt text and tags members gave them, the file an edited copy was made from, and the posts that use each. Files already deleted after publishing (or by a member) are not here. |
| \`analytics.json\` | The newest counters Herald read from the networks (views, likes, comments, shares, reach) for the published posts of every workspace you belong to. A counter the network does not report is \`null\`, not 0. Empty when none were collected. |
| \`analytics-history.json\` | Every earlier reading of those counters Herald still keeps (after a week, the last one of each day), post by post. |
| \`analytics-daily.json\` | Each channel's figures per day (in the workspace's time zone) for the same workspaces: followers, posts published, and the sums of those posts' newest counters. |
| \`audit-log.json\` | The changes you made (the audit log entries where you are the actor), with the IP address and browser they came from. |
| \`access-log.json\` | The requests you made to Herald: when, which page of the API, the answer's status, IP address and browser. Herald keeps these only for a limited time. |
| \`notifications.json\` | The notifications Herald sent you (those about a workspace only while you belong to it). |

Posts and channels belong to your workspaces too: other members may still see them in Herald.
Of a workspace you left or were removed from, this archive holds nothing but your own audit-log
and access-log entries: what is in it now is the workspace's, not yours.
`;
