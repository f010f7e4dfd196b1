// Generated from docs/openapi.json by `npx tsx scripts/gen-web-api-types.ts`; do not edit by hand.
export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of the whole instance, newest first (operator only) */
        get: operations["getAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instance's health: queue depth, deliveries, failing networks, storage used (operator only) */
        get: operations["getAdminOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account of the instance, newest first (operator only) */
        get: operations["getAdminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every workspace of the instance, newest first (operator only) */
        get: operations["getAdminWorkspaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sign-in pages need to know about this Herald */
        get: operations["getInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link offers */
        get: operations["getInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitationId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation sent to my e-mail address */
        post: operations["postInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitationId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["postInvitationReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their workspaces, role and permissions in each */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/analytics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The analytics dashboard over every workspace where your role may read posts (or the ones named) */
        get: operations["getMeAnalyticsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/analytics/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published posts of every workspace you can read, with their newest counters, sorted by any of them */
        get: operations["getMeAnalyticsPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/analytics/posts.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts of every workspace you can read, as CSV (UTF-8 with BOM, RFC 4180) */
        get: operations["getMeAnalyticsPostsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/analytics/series.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One daily figure of every workspace you can read, as CSV: a row per day, a column per channel */
        get: operations["getMeAnalyticsSeriesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal API keys (each works in every workspace you belong to, within your role there) */
        get: operations["getMeApiKeys"];
        put?: never;
        /** Create a personal API key; the answer holds the key once */
        post: operations["postMeApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your personal keys at once */
        delete: operations["deleteMeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs attention in each of your workspaces: failed and unconfirmed deliveries, channels to reconnect, posts to review (approvers), reviews past their time, drafts planned within 48 hours; details in the request's language (Accept-Language) */
        get: operations["getMeAttention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set your picture (multipart/form-data: `file`). PNG, JPEG, WebP or GIF up to 5 MB and 4096×4096 pixels, detected from the content; Herald keeps a 256×256 WebP copy. At most 10 uploads a minute (429 rate_limited) */
        put: operations["putMeAvatar"];
        post?: never;
        /** Remove your picture (404 avatar.not_found when there is none) */
        delete: operations["deleteMeAvatar"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts due in [from, to) across every workspace where your role may read posts, with each workspace's name and colour (at most 62 days, 2000 posts) */
        get: operations["getMeCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete your account after re-checking the password (and a TOTP or backup code with two-factor on); 400 account.password_incorrect, account.code_required or account.code_incorrect with details.field. Your sessions end. */
        post: operations["postMeDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/deletion-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What deleting your account would delete, keep and revoke */
        get: operations["getMeDeletionPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your data exports, newest first, with their progress, in cursor pages */
        get: operations["getMeExports"];
        put?: never;
        /** Request an archive of all your data; 409 privacy.export_running while one is being prepared */
        post: operations["postMeExports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/exports/{exportId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ZIP of a ready export (yours only); 410 privacy.export_expired once the link has expired */
        get: operations["getMeExportDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose the language of Herald and of the e-mails it sends you (en, fr), or null to follow your browser */
        put: operations["putMeLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which notifications you also get by e-mail, per category */
        get: operations["getMeNotificationPreferences"];
        /** Choose which notifications you also get by e-mail; categories left out keep their choice */
        put: operations["putMeNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/restriction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether processing is paused for you */
        get: operations["getMeRestriction"];
        put?: never;
        /** Pause or resume processing; resuming sends overdue scheduled posts at once (marked late) */
        post: operations["postMeRestriction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out one of your sessions (ids from /api/auth/list-sessions); 404 session.not_found for an id that is not yours */
        delete: operations["deleteMeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Networks this Herald offers, with the scopes it requests */
        get: operations["getNetworks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/networks/{network}/callbacks/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A network's call to Herald (deauthorize, data deletion), checked by the network's signature; see docs/network-callbacks.md */
        post: operations["postNetworkCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/networks/{network}/oauth/client-metadata.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OAuth client metadata document of a network whose client id is a URL (Bluesky's atproto OAuth); 404 when this Herald has no https address */
        get: operations["getNetworkOauthClientMetadataJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs your attention (a channel to reconnect…), newest first, in cursor pages, with the unread count */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["postNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification read */
        post: operations["postNotificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/callback/{network}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the network's consent page sends the browser back; redirects to the Channels page (a link made with an API key, opened by someone without a session, ends on a short page saying it is done) */
        get: operations["getOauthCallbackByNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The facts /privacy and /terms state: operator, networks and scopes, retention, sub-processors */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a review link shows (no account): workspace, recipient, each post with its content per channel. 404 review_link.not_found; 410 review_link.expired / review_link.revoked */
        get: operations["getReviewByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file of a post the link shows (its previews); 404 for any other */
        get: operations["getReviewByTokenMediaByMediaId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{token}/posts/{postId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or request changes on a post of the link, as its named recipient (comment required for changes). 409 post.not_in_review, post.review_time_passed */
        post: operations["postReviewByTokenPostDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user’s picture (image/webp), for themselves and the people they share a workspace with; 404 avatar.not_found for anyone else or when they have none */
        get: operations["getUserAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspaces I belong to, with my role (with a workspace API key: that workspace only) */
        get: operations["getWorkspaces"];
        put?: never;
        /** Create a workspace; the creator is its owner */
        post: operations["postWorkspaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        /** Delete a workspace and everything in it; its channels' tokens are revoked at their networks first */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        /** Rename a workspace or change the language its clients see (send either or both) */
        patch: operations["patchWorkspace"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/best-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suggested posting times from engagement by weekday and hour, for one channel or the whole workspace */
        get: operations["getWorkspaceAnalyticsBestTimes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The analytics dashboard: summary (optionally with the previous period), daily series per channel and top posts */
        get: operations["getWorkspaceAnalyticsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the counters collected for this workspace (or one channel's) */
        delete: operations["deleteWorkspaceAnalyticsMetrics"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published posts in the range with their newest counters, sorted by any of them */
        get: operations["getWorkspaceAnalyticsPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/posts.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts table as CSV (UTF-8 with BOM, RFC 4180), at most 10,000 rows */
        get: operations["getWorkspaceAnalyticsPostsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client report for a period: summary figures with the change against the previous period, daily series, top posts and a section per network (400 analytics.invalid_range for a period that is not one, or longer than 366 days) */
        get: operations["getWorkspaceAnalyticsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/report-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether last month’s report is e-mailed on the 1st, to whom, and the newest one sent */
        get: operations["getWorkspaceAnalyticsReportSchedule"];
        /** Turn the monthly report e-mail on or off and set its recipients (at most 10; on needs at least one: 400 analytics.report_recipients_required) */
        put: operations["putWorkspaceAnalyticsReportSchedule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client report as an A4 PDF (application/pdf, as a download named after the workspace and period), in your language (else the first of Accept-Language Herald speaks, else English) */
        get: operations["getWorkspaceAnalyticsReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/series.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One daily figure as CSV: a row per day, a column per channel (an empty cell: not reported or no data) */
        get: operations["getWorkspaceAnalyticsSeriesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether counters are collected for this workspace and each channel, and how many are stored */
        get: operations["getWorkspaceAnalyticsSettings"];
        /** Turn analytics collection on or off for the whole workspace (objection), optionally deleting what was collected */
        put: operations["putWorkspaceAnalyticsSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's API keys, newest first, revoked ones included (the keys themselves are never shown again) */
        get: operations["getWorkspaceApiKeys"];
        put?: never;
        /** Create a workspace API key with a set of scopes, never more than the creator's own role allows; the answer holds the key once */
        post: operations["postWorkspaceApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a workspace key at once (it stays listed as revoked) */
        delete: operations["deleteWorkspaceApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/approval-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether posts need approval: the workspace setting and each channel’s override */
        get: operations["getWorkspaceApprovalSettings"];
        /** Turn approval on or off for the workspace (channels that override it keep their choice) */
        put: operations["putWorkspaceApprovalSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's activity: every change, newest first, and its members' sign-in events */
        get: operations["getWorkspaceAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/bulk-csv/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts not yet gone out with a time in the range, in the import columns (UTF-8 with BOM): edit and import again */
        get: operations["getWorkspaceBulkCsvExportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/bulk-csv/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule the valid rows of a CSV of posts in one transaction (as the composer does: deliveries, wake-ups, approvals); invalid rows are answered with their errors. Media URLs (at most 20 different ones) are downloaded into the media library first */
        post: operations["postWorkspaceBulkCsvImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/bulk-csv/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a CSV of posts (at most 10000 rows) against every chosen channel's rules: each row valid or with its errors (column and reason). Nothing is saved; media URLs are checked for form and downloaded at import */
        post: operations["postWorkspaceBulkCsvPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/bulk-csv/template.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bulk scheduling template: every column with two example rows (UTF-8 with BOM) */
        get: operations["getWorkspaceBulkCsvTemplateCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connected (and disconnected) channels; never tokens */
        get: operations["getWorkspaceChannels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disconnect: revoke the token at the network, delete it here at once, purge cached profile data after the retention period */
        delete: operations["deleteWorkspaceChannel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/actions/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a channel's network to do something for the composer. Unknown action: 404 channel.action_not_found; bad input: 400 validation_failed naming the field. Actions: create-board (Pinterest channels; needs posts.edit): creates a board { name (≤ 180 characters), description?, privacy?: PUBLIC | PROTECTED | SECRET } and answers { board: { id, name, privacy, description, sections } }; search-subreddits (Reddit channels; needs posts.edit): subreddits for the composer’s autocomplete { query? (≤ 50 characters) }: the person’s own that match first (moderated, then joined), then Reddit’s search; answers { subreddits: [{ name, title, subscribers, over18, icon, relation }] }; subreddit (Reddit channels; needs posts.edit): a subreddit's rules for posts { name }: what it allows (about), its post requirements and its link flairs; answers { subreddit } and keeps them on the channel, so a post to it is checked against them when saved */
        post: operations["postWorkspaceChannelAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Turn analytics collection on or off for one channel, optionally deleting what was collected */
        put: operations["putWorkspaceChannelAnalytics"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A channel’s own approval rule: true (always), false (never), null (follow the workspace) */
        put: operations["putWorkspaceChannelApproval"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel's avatar, as Herald copied it from the network */
        get: operations["getWorkspaceChannelAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/creator-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TikTok creator info for the composer (asked of TikTok each time, as its posting guidelines require); kept as the channel's limits */
        get: operations["getWorkspaceChannelCreatorInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/preflight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The read a channel's network needs before a post is written, in that network's own shape (the boards a post can go to, a creator's settings…; creator info is also at creator-info); kept as the channel's limits */
        get: operations["getWorkspaceChannelPreflight"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel's upcoming posts in time order, with the free posting times between them */
        get: operations["getWorkspaceChannelQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reorder queued posts: they keep the same times and take them in the order given; the wake-ups move with them
         * @description postIds must be exactly the channel's movable posts between the earliest and the latest of them (400 with the field otherwise). Posts sent to several channels are pinned and cannot be listed. 409 queue.publishing when one has started publishing meanwhile.
         */
        post: operations["postWorkspaceChannelQueueReorder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue/shuffle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shuffle the channel's movable upcoming posts among their own times (pinned multi-channel posts stay) */
        post: operations["postWorkspaceChannelQueueShuffle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the account's name, avatar and limits again from the network (one token refresh if the network rejects the token) */
        post: operations["postWorkspaceChannelRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel's weekly posting times */
        get: operations["getWorkspaceChannelSlots"];
        /** Replace a channel's weekly posting times */
        put: operations["putWorkspaceChannelSlots"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel's next free posting times, soonest first (what "add to queue" fills in turn) */
        get: operations["getWorkspaceChannelSlotsUpcoming"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect an account. OAuth networks (TikTok, Mastodon, Bluesky by default) answer the consent page URL to open (state bound to this session, 10 min, single use; PKCE); Bluesky with an app password signs in at once and answers the channel */
        post: operations["postWorkspaceChannelsConnect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/selections/{selectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accounts offered by one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes; never tokens */
        get: operations["getWorkspaceChannelsSelection"];
        put?: never;
        /** Connect the picked accounts of one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes: one channel each (a reconnect updates its channel), then the selection is used up */
        post: operations["postWorkspaceChannelsSelection"];
        /** Discard one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes: its accounts and tokens are deleted now */
        delete: operations["deleteWorkspaceChannelsSelection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/channels/selections/{selectionId}/accounts/{externalId}/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An offered account's picture, fetched from the network by Herald (the browser never asks the network) */
        get: operations["getWorkspaceChannelsSelectionAccountAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's feeds with the state of their last check */
        get: operations["getWorkspaceFeeds"];
        put?: never;
        /** Add a feed (RSS, Atom or JSON Feed). Its first check turns only the newest 3 items into posts; later checks at most 10 each */
        post: operations["postWorkspaceFeeds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feed and the items it saw last */
        get: operations["getWorkspaceFeed"];
        put?: never;
        post?: never;
        /** Stop reading a feed; the posts it made stay */
        delete: operations["deleteWorkspaceFeed"];
        options?: never;
        head?: never;
        /** Change a feed; whoever saves it becomes the member new posts are made as */
        patch: operations["patchWorkspaceFeed"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/feeds/{feedId}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the feed now (the same check the interval makes) and answer what came of it */
        post: operations["postWorkspaceFeedCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ideas board: columns in order, each with its cards in order (a new board starts with Ideas, In progress, Ready) */
        get: operations["getWorkspaceIdeas"];
        put?: never;
        /** Add a card at the bottom of a column (the first column when none is named) */
        post: operations["postWorkspaceIdeas"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas/{ideaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One card */
        get: operations["getWorkspaceIdea"];
        put?: never;
        post?: never;
        /** Delete a card; its files are released for the retention job */
        delete: operations["deleteWorkspaceIdea"];
        options?: never;
        head?: never;
        /** Edit a card's title, text, notes or media; files taken off it are released for the retention job */
        patch: operations["patchWorkspaceIdea"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas/{ideaId}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the post this card was turned into */
        post: operations["postWorkspaceIdeaLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas/{ideaId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a card at a position (0 is the top; past the end is the bottom) of a column; both columns are renumbered */
        post: operations["postWorkspaceIdeaMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a column at the end of the board */
        post: operations["postWorkspaceIdeasColumns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/ideas/columns/{columnId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a column; one with cards is refused (409 ideas.column_not_empty) unless moveTo names the column that takes them */
        delete: operations["deleteWorkspaceIdeasColumn"];
        options?: never;
        head?: never;
        /** Rename a column or move it (position 0 is first); answers the whole board */
        patch: operations["patchWorkspaceIdeasColumn"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations */
        get: operations["getWorkspaceInvitations"];
        put?: never;
        /** Invite someone by e-mail with a role (inviting again renews the invitation) */
        post: operations["postWorkspaceInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a pending invitation */
        delete: operations["deleteWorkspaceInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/link-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a page's Open Graph / Twitter Card data for a link card (html only, its first MiB, within 8 s, public addresses only); 422 with a link_preview.* code when the page cannot make one */
        post: operations["postWorkspaceLinkPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/link-preview/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link card's picture, read through the guarded fetch (public addresses, 5 MB, 8 s) and served as JPEG, PNG, WebP or GIF of at most 1 MB; 422 with a link_preview.* code when it cannot be read */
        get: operations["getWorkspaceLinkPreviewImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace’s logo (image/png), for its members; 404 logo.not_found without one */
        get: operations["getWorkspaceLogo"];
        /** Set the workspace's logo (multipart/form-data: `file`). PNG, JPEG, WebP or GIF up to 1 MB, detected from the content; Herald keeps a PNG of at most 160×160 */
        put: operations["putWorkspaceLogo"];
        post?: never;
        /** Remove the workspace’s logo (404 logo.not_found when there is none) */
        delete: operations["deleteWorkspaceLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The media library (files not deleted), newest first; q searches the name, file name and alt text; filters by type, size and tag */
        get: operations["getWorkspaceMedia"];
        put?: never;
        /** Upload a file (multipart/form-data: `file`, optional `altText`). JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents; the type is detected from the content. Large videos: use the resumable upload */
        post: operations["postWorkspaceMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media-library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the workspace keeps its media after publishing */
        get: operations["getWorkspaceMediaLibrary"];
        /** Keep media after publishing (on) or delete it once published (off, the default); turning it off lets the next purge delete kept files whose posts are all published */
        put: operations["putWorkspaceMediaLibrary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One media file’s facts */
        get: operations["getWorkspaceMediaByMediaId"];
        put?: never;
        post?: never;
        /** Delete the file now (refused with 409 media.in_use while a queued post uses it); the entry stays with status deleted */
        delete: operations["deleteWorkspaceMediaByMediaId"];
        options?: never;
        head?: never;
        /** Rename, describe or tag a file (null clears the name or alt text) */
        patch: operations["patchWorkspaceMediaByMediaId"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{mediaId}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new image from this one: rotate (clockwise quarter turns), then crop (in the rotated image), then scale down to maxWidth; the original stays as it is */
        post: operations["postWorkspaceMediaByMediaIdEdits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{mediaId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes, with the detected content type; supports Range (one range) */
        get: operations["getWorkspaceMediaByMediaIdFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{mediaId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file’s WebP preview (404 media.no_thumbnail without one) */
        get: operations["getWorkspaceMediaByMediaIdThumbnail"];
        /** Set a video’s poster frame (the body is the image: image/jpeg, image/png, image/webp, at most 5 MB); the browser takes it at upload, Herald keeps a WebP preview of it */
        put: operations["putWorkspaceMediaByMediaIdThumbnail"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/{mediaId}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts that use a file (its shared draft or one channel’s version), newest first */
        get: operations["getWorkspaceMediaByMediaIdUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete several files; those a queued or publishing post still needs are left alone and listed in inUse */
        post: operations["postWorkspaceMediaBulkDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tags of the library, most used first */
        get: operations["getWorkspaceMediaTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): create an upload (Upload-Length ≤ 4096 MB, Upload-Metadata filename), optionally with its first bytes (application/offset+octet-stream); answers its Location and Upload-Offset, and Herald-Media-Id when those bytes completed it */
        post: operations["postWorkspaceMediaUploads"];
        delete?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): the server’s tus version, extensions and maximum size */
        options: operations["optionsWorkspaceMediaUploads"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): abandon an unfinished upload */
        delete: operations["deleteWorkspaceMediaUpload"];
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): the server’s tus version and extensions */
        options: operations["optionsWorkspaceMediaUpload"];
        head?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): send the next bytes (application/offset+octet-stream at Upload-Offset); the last one answers Herald-Media-Id */
        patch: operations["patchWorkspaceMediaUpload"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/media/uploads/{uploadId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a finished resumable upload became: the media, or why the file was refused (409 media.upload_incomplete while bytes are missing) */
        get: operations["getWorkspaceMediaUploadResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and their roles */
        get: operations["getWorkspaceMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["deleteWorkspaceMember"];
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: operations["patchWorkspaceMember"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The getting-started checklist: connect a channel, set posting times, invite the team, write the first post */
        get: operations["getWorkspaceOnboarding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/onboarding/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide the getting-started checklist for everyone in the workspace */
        post: operations["postWorkspaceOnboardingDismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts by publish time (calendar range with from/to), oldest first, in cursor pages */
        get: operations["getWorkspacePosts"];
        put?: never;
        /** Create a post for one or more channels: a draft, or scheduled (at a time, now, or in the next free slot). Scheduling also needs posts.schedule */
        post: operations["postWorkspacePosts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post with its deliveries */
        get: operations["getWorkspacePost"];
        put?: never;
        post?: never;
        /** Delete a post (refused while it is being published); its uploaded media is then deleted by the retention job */
        delete: operations["deleteWorkspacePost"];
        options?: never;
        head?: never;
        /** Edit content and channels (refused while it is being published, or once part of it is out) */
        patch: operations["patchWorkspacePost"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel what has not gone out yet */
        post: operations["postWorkspacePostCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's internal comments, oldest first (never sent to a network), in cursor pages */
        get: operations["getWorkspacePostComments"];
        put?: never;
        /** Comment on a post: any member who can read posts may (viewers and approvers too); mentioned members are notified */
        post: operations["postWorkspacePostComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your own comment (owners and admins may delete any) */
        delete: operations["deleteWorkspacePostComment"];
        options?: never;
        head?: never;
        /** Edit your own comment (members newly mentioned are notified) */
        patch: operations["patchWorkspacePostComment"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log: every attempt with its requests and the network answers (secrets removed) */
        get: operations["getWorkspacePostDeliveryLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/mark-published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a failed, unconfirmed or queued delivery as published by hand (with its link) */
        post: operations["postWorkspacePostDeliveryMarkPublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed delivery, or check an unconfirmed one at the network again (never a blind resend; confirmedAbsent: a person checked the network and it is not there) */
        post: operations["postWorkspacePostDeliveryRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy any post into a new draft without a time; files deleted after publishing and disconnected channels are left out and counted */
        post: operations["postWorkspacePostDuplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/evergreen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's evergreen setting and the copies made (null when it was never evergreen); for a recycled copy, its original */
        get: operations["getWorkspacePostEvergreen"];
        /** Make a post evergreen (or change how): once published, a copy is queued every N days, at most M times, with the variations in turn */
        put: operations["putWorkspacePostEvergreen"];
        post?: never;
        /** Stop recycling a post; the copies made and their count stay */
        delete: operations["deleteWorkspacePostEvergreen"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a post in review (its deliveries are scheduled at the planned time) or request changes (comment required). 409 post.not_in_review; 409 post.review_time_passed when the planned time passed and no new publishAt is given */
        post: operations["postWorkspacePostReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review history of a post, oldest first */
        get: operations["getWorkspacePostReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/{postId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reschedule, post now, add to queue, or back to draft; the wake-up moves with it */
        post: operations["postWorkspacePostSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every draft, with or without a time, the last edited first, in cursor pages */
        get: operations["getWorkspacePostsDrafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/posts/needs-attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Failed and unconfirmed deliveries, for the "Needs attention" view */
        get: operations["getWorkspacePostsNeedsAttention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/preflight-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long before a scheduled post the pre-flight check warns */
        get: operations["getWorkspacePreflightSettings"];
        /** Set how long before a scheduled post the pre-flight check warns (0: off) */
        put: operations["putWorkspacePreflightSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/queue/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The next free time slot shared by these channels ("add to queue" would take it) */
        get: operations["getWorkspaceQueueNext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/review-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review links of the workspace, newest first (without their tokens), in cursor pages */
        get: operations["getWorkspaceReviewLinks"];
        put?: never;
        /** Create a link a client opens without an account to approve or request changes; the URL is in this answer only */
        post: operations["postWorkspaceReviewLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/review-links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a review link: it answers 410 from now on */
        delete: operations["deleteWorkspaceReviewLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/review-links/{linkId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a review link: it answers 410 from now on */
        post: operations["postWorkspaceReviewLinkRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/schedule-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's time zone (time slots are in it) */
        get: operations["getWorkspaceScheduleSettings"];
        /** Set the workspace's time zone */
        put: operations["putWorkspaceScheduleSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's snippets, by kind then name */
        get: operations["getWorkspaceSnippets"];
        put?: never;
        /** Save a snippet (at most 200 per workspace) */
        post: operations["postWorkspaceSnippets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/snippets/{snippetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One snippet */
        get: operations["getWorkspaceSnippet"];
        put?: never;
        post?: never;
        /** Delete a snippet (posts it was inserted into keep their text) */
        delete: operations["deleteWorkspaceSnippet"];
        options?: never;
        head?: never;
        /** Change a snippet's name, text or kind */
        patch: operations["patchWorkspaceSnippet"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another member the owner; the current owner becomes admin */
        post: operations["postWorkspaceTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook endpoints, oldest first (never their secrets) */
        get: operations["getWorkspaceWebhooks"];
        put?: never;
        /** Add an endpoint (at most 20); the answer carries its signing secret, shown this once. URLs must be https on a public address */
        post: operations["postWorkspaceWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: operations["getWorkspaceWebhook"];
        put?: never;
        post?: never;
        /** Delete an endpoint with its delivery log */
        delete: operations["deleteWorkspaceWebhook"];
        options?: never;
        head?: never;
        /** Change the URL, description or events, or turn the endpoint off or on (turning it on clears its failure count) */
        patch: operations["patchWorkspaceWebhook"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first, in cursor pages; kept 30 days */
        get: operations["getWorkspaceWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: the payload and every attempt (request headers and body, answer status and first 4 KB, error, duration) */
        get: operations["getWorkspaceWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the delivery again now, with the same webhook-id; answers it with the new attempt */
        post: operations["postWorkspaceWebhookDeliveryRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the new one is in this answer only and signs from now on */
        post: operations["postWorkspaceWebhookRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event now (tried once, also to a turned-off endpoint) and answer how it went */
        post: operations["postWorkspaceWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * MCP server-to-client stream: not offered (stateless endpoint), 405
         * @description Model Context Protocol (Streamable HTTP, stateless: no session id) for AI assistants. Authenticate with `Authorization: Bearer hk_…` (an API key); every tool acts as the key’s creator within the key’s scopes. See docs/mcp.md for the tools.
         */
        get: operations["getMcp"];
        put?: never;
        /**
         * MCP endpoint (Streamable HTTP): tools to list channels, draft, schedule, reschedule and read posts, analytics and network rules
         * @description Model Context Protocol (Streamable HTTP, stateless: no session id) for AI assistants. Authenticate with `Authorization: Bearer hk_…` (an API key); every tool acts as the key’s creator within the key’s scopes. See docs/mcp.md for the tools.
         */
        post: operations["postMcp"];
        /**
         * MCP session end: no sessions (stateless endpoint), 405
         * @description Model Context Protocol (Streamable HTTP, stateless: no session id) for AI assistants. Authenticate with `Authorization: Bearer hk_…` (an API key); every tool acts as the key’s creator within the key’s scopes. See docs/mcp.md for the tools.
         */
        delete: operations["deleteMcp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/public/{mediaId}/{expires}/{signature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media file for a network to fetch (signed link that expires; only while its post is being published); supports Range (one range) */
        get: operations["getMediaPublicByMediaId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/networks/deletion/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status page (HTML) of a data deletion request a network sent, by its confirmation code: no personal data */
        get: operations["getNetworksDeletionByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Privacy policy (HTML), generated from this instance's configuration, in the reader's language */
        get: operations["getPrivacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/analytics/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: a channel's counters over the last `date` days, per day of publishing, with the change against the days before; empty when analytics are off */
        get: operations["getPublicAnalyticsByIntegrationId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/analytics/post/{postId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: one post's counters over the last `date` days (the last reading of each day: views, likes, comments, shares, reach where the network reports them) with the change over the window; empty before the first reading */
        get: operations["getPublicAnalyticsPostByPostId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/find-slot/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: the channel's next free time slot (Herald's queue) */
        get: operations["getPublicFindSlotById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/generate-video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postiz: not available in Herald (501): Herald does not generate videos */
        post: operations["postPublicGenerateVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: customers; in Herald the key's workspace is the one group */
        get: operations["getPublicGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/integration-settings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: a channel's rules: text limit, media, threads, and its settings as a JSON schema (Herald's names) */
        get: operations["getPublicIntegrationSetting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/integration-trigger/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postiz: not available in Herald (501): Herald has no integration tools; the network's settings are described by GET /integration-settings/:id */
        post: operations["postPublicIntegrationTriggerById"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: the workspace's channels (disconnected ones as disabled) */
        get: operations["getPublicIntegrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Postiz: delete a channel; Herald disconnects it (revoking at the network) and keeps its posts' history */
        delete: operations["deletePublicIntegration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/is-connected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: whether the API key works */
        get: operations["getPublicIsConnected"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: not available in Herald (501): Herald's notifications are read in its web app */
        get: operations["getPublicNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: posts due in [startDate, endDate), one entry per channel (drafts without a date are not listed); state is Postiz's, heraldState Herald's */
        get: operations["getPublicPosts"];
        put?: never;
        /** Postiz: create a post on one or more channels (type draft, schedule, now; update replaces an existing post's content). Values after the first become a thread, or the first comment where the network has no threads; HTML is read as text; images by the path or id an upload answered. Schedule and now also need posts.schedule */
        post: operations["postPublicPosts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Postiz: delete a post; like Postiz, every channel of its group goes (an unknown id is a 404) */
        delete: operations["deletePublicPost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/{id}/missing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: not available in Herald (501): Herald settles an unknown outcome with the network itself (unconfirmed deliveries); there is nothing to pick */
        get: operations["getPublicPostMissing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/{id}/release-id": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Postiz: not available in Herald (501): mark a delivery as published with its link in Herald (Needs attention) instead */
        put: operations["putPublicPostReleaseId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Postiz: not available in Herald (501): send the whole post again with POST /posts and its group to change its settings */
        put: operations["putPublicPostSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Postiz: back to draft (keeping its date), or scheduled again at its date (needs posts.schedule) */
        put: operations["putPublicPostStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/posts/group/{group}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Postiz: delete a post (every channel) by its group */
        delete: operations["deletePublicPostsGroupByGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/social/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: the URL to connect a channel. Send it to whoever owns the account: they open it (no Herald account needed) and the channel joins the key's workspace, as long as the key may still connect channels */
        get: operations["getPublicSocialByProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postiz: upload an image or video (multipart field "file"; JPEG, PNG, GIF, WebP, MP4, MOV; up to 4096 MB) into the workspace's media library */
        post: operations["postPublicUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/upload-from-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postiz: download an image or video from a public URL into the media library (no private addresses, no redirects, same size limit as uploads) */
        post: operations["postPublicUploadFromUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postiz: not available in Herald (501): Herald API keys act as the member who created them; there is no impersonation */
        get: operations["getPublicUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/video/function": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postiz: not available in Herald (501): Herald does not generate videos */
        post: operations["postPublicVideoFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers with every migration applied, the job queue answers, and the media storage is writable */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Terms of service (HTML), generated from this instance's configuration, in the reader's language */
        get: operations["getTerms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /**
                 * @description Stable code to branch on (docs/errors.md)
                 * @example post.not_found
                 */
                code: string;
                /** @description Depends on the code; for bad input, `issues` name each field */
                details?: {
                    [key: string]: unknown;
                };
                /**
                 * @description For people; may change
                 * @example This post does not exist
                 */
                message: string;
                /**
                 * @description The id of the request (also in the x-request-id header and in the server log): quote it when reporting a problem
                 * @example 9b2c8f4e-6d1a-4c3b-8e2f-1a2b3c4d5e6f
                 */
                requestId?: string;
            };
        };
    };
    responses: {
        /** @description The request was refused: `{ error: { code, message, details, requestId } }` */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAdminAudit: {
        parameters: {
            query?: {
                /** @description Only actions starting with this (post. or channel.disconnected) */
                action?: string;
                /** @description nextCursor of the previous page */
                cursor?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": 1,
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "action": "example",
                     *           "entityType": "example",
                     *           "entityId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "changes": {},
                     *           "ip": "203.0.113.7",
                     *           "userAgent": "Mozilla/5.0",
                     *           "actorUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "actorName": "example",
                     *           "actorEmail": "example",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceName": "example"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            action: string;
                            actorEmail: string | null;
                            actorName: string | null;
                            actorUserId: string | null;
                            changes: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            entityId: string | null;
                            entityType: string;
                            id: number;
                            ip: string | null;
                            userAgent: string | null;
                            workspaceId: string | null;
                            /** @description Null for account events outside any workspace, or a deleted workspace */
                            workspaceName: string | null;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getAdminOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "database": "pglite",
                     *       "mode": "all",
                     *       "uptimeSeconds": 1,
                     *       "memoryBytes": 1,
                     *       "queue": [
                     *         {
                     *           "queue": "example",
                     *           "waiting": 1,
                     *           "active": 1,
                     *           "deferred": 1,
                     *           "failed": 1
                     *         }
                     *       ],
                     *       "deliveries": [
                     *         {
                     *           "network": "example",
                     *           "state": "example",
                     *           "count": 1
                     *         }
                     *       ],
                     *       "failingNetworks": {
                     *         "since": "2026-03-14T09:30:00.000Z",
                     *         "networks": [
                     *           {
                     *             "network": "example",
                     *             "failedDeliveries": 1,
                     *             "channelsNeedingReconnect": 1
                     *           }
                     *         ]
                     *       },
                     *       "storage": {
                     *         "mediaBytes": 1,
                     *         "mediaFiles": 1,
                     *         "databaseBytes": 1
                     *       },
                     *       "users": 1,
                     *       "workspaces": 1
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        database: "pglite" | "postgres";
                        /** @description Deliveries stored, per network and state */
                        deliveries: {
                            count: number;
                            network: string;
                            state: string;
                        }[];
                        failingNetworks: {
                            networks: {
                                /** @description Channels needing reconnection now */
                                channelsNeedingReconnect: number;
                                /** @description Failed since `since` */
                                failedDeliveries: number;
                                network: string;
                            }[];
                            /** Format: date-time */
                            since: string;
                        };
                        /** @description Resident memory of the process that answered */
                        memoryBytes: number;
                        /**
                         * @description How the process that answered runs
                         * @enum {string}
                         */
                        mode: "all" | "serve" | "worker";
                        /** @description Jobs per pg-boss queue; null when the queue did not answer */
                        queue: {
                            active: number;
                            deferred: number;
                            failed: number;
                            queue: string;
                            waiting: number;
                        }[] | null;
                        storage: {
                            /** @description Size of the database, when the engine tells it */
                            databaseBytes: number | null;
                            /** @description Bytes of the media files stored (as recorded at upload) */
                            mediaBytes: number;
                            mediaFiles: number;
                        };
                        uptimeSeconds: number;
                        users: number;
                        workspaces: number;
                    };
                };
            };
        };
    };
    getAdminUsers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "email": "ada@example.com",
                     *           "emailVerified": false,
                     *           "twoFactorEnabled": true,
                     *           "isOperator": true,
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "deletionRequestedAt": "2026-03-14T09:30:00.000Z",
                     *           "workspaces": 1
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Set while the account waits for its deletion
                             */
                            deletionRequestedAt: string | null;
                            email: string;
                            emailVerified: boolean;
                            id: string;
                            isOperator: boolean;
                            name: string;
                            twoFactorEnabled: boolean;
                            /** @description Workspaces the person is a member of */
                            workspaces: number;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getAdminWorkspaces: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "members": 1,
                     *           "channels": 1,
                     *           "posts": 1
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description Connected channels */
                            channels: number;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            members: number;
                            name: string;
                            posts: number;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getInstance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signupDisabled": false,
                     *       "mailTransport": "smtp",
                     *       "passwordMinLength": 1,
                     *       "sessionIdleDays": 1
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        mailTransport: "smtp" | "log";
                        passwordMinLength: number;
                        sessionIdleDays: number;
                        signupDisabled: boolean;
                    };
                };
            };
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceName": "example",
                     *       "inviterName": "example",
                     *       "email": "ada@example.com",
                     *       "role": "editor",
                     *       "status": "scheduled",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        inviterName: string;
                        role: string | null;
                        status: string;
                        workspaceName: string;
                    };
                };
            };
        };
    };
    postInvitationAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceName": "example",
                     *       "role": "editor",
                     *       "status": "scheduled"
                     *     }
                     */
                    "application/json": {
                        role: string | null;
                        status: string;
                        workspaceId: string;
                        workspaceName: string;
                    };
                };
            };
        };
    };
    postInvitationReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceName": "example",
                     *       "role": "editor",
                     *       "status": "scheduled"
                     *     }
                     */
                    "application/json": {
                        role: string | null;
                        status: string;
                        workspaceId: string;
                        workspaceName: string;
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "email": "ada@example.com",
                     *         "image": "example",
                     *         "isOperator": true,
                     *         "twoFactorEnabled": true,
                     *         "language": "en",
                     *         "createdAt": "2026-03-14T09:30:00.000Z"
                     *       },
                     *       "workspaces": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "slug": "example",
                     *           "language": "en",
                     *           "role": "editor",
                     *           "permissions": [
                     *             "example"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            image: string | null;
                            isOperator: boolean;
                            /**
                             * @description The language the user chose (PUT /api/v1/me/language), null to follow their browser (whose language Herald remembers from this call for e-mails)
                             * @enum {string|null}
                             */
                            language: "en" | "fr" | null;
                            name: string;
                            twoFactorEnabled: boolean;
                        };
                        workspaces: {
                            id: string;
                            /** @enum {string} */
                            language: "en" | "fr";
                            name: string;
                            permissions: string[];
                            role: string;
                            slug: string;
                        }[];
                    };
                };
            };
        };
    };
    getMeAnalyticsDashboard: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description Also compute the previous period of equal length */
                compare?: "0" | "1" | "true" | "false";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
                /** @description Comma-separated workspace ids */
                workspaceIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "range": {
                     *         "from": "example",
                     *         "to": "example"
                     *       },
                     *       "previous": {
                     *         "from": "example",
                     *         "to": "example"
                     *       },
                     *       "timeZone": "Europe/Paris",
                     *       "days": [
                     *         "example"
                     *       ],
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceName": "example",
                     *           "network": "example",
                     *           "name": "Spring launch",
                     *           "avatarUrl": "https://example.com/spring",
                     *           "supports": {
                     *             "counters": [
                     *               "views",
                     *               "likes"
                     *             ],
                     *             "followers": false
                     *           }
                     *         }
                     *       ],
                     *       "summary": {
                     *         "posts": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "views": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "likes": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "comments": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "shares": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "reach": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "engagement": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "engagementRate": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "followers": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "followersGrowth": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         }
                     *       },
                     *       "series": [
                     *         {
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "posts": [
                     *             1
                     *           ],
                     *           "followers": [
                     *             1
                     *           ],
                     *           "views": [
                     *             1
                     *           ],
                     *           "likes": [
                     *             1
                     *           ],
                     *           "comments": [
                     *             1
                     *           ],
                     *           "shares": [
                     *             1
                     *           ],
                     *           "reach": [
                     *             1
                     *           ],
                     *           "engagement": [
                     *             1
                     *           ]
                     *         }
                     *       ],
                     *       "topPosts": [
                     *         {
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "thumbnailUrl": "https://example.com/spring",
                     *           "url": "https://example.com/hooks/herald",
                     *           "views": 1,
                     *           "likes": 1,
                     *           "comments": 1,
                     *           "shares": 1,
                     *           "reach": 1,
                     *           "engagement": 1,
                     *           "engagementRate": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        channels: {
                            avatarUrl: string | null;
                            id: string;
                            name: string;
                            network: string;
                            /** @description What the network reports; the rest is "not reported", never 0 */
                            supports: {
                                readonly counters: ("views" | "likes" | "comments" | "shares" | "reach")[];
                                followers: boolean;
                            };
                            workspaceId: string;
                            workspaceName: string;
                        }[];
                        days: string[];
                        previous: {
                            from: string;
                            to: string;
                        } | null;
                        range: {
                            from: string;
                            to: string;
                        };
                        /** @description Per channel, values aligned with days (null: not reported or no data that day) */
                        series: {
                            channelId: string;
                            comments: (number | null)[];
                            engagement: (number | null)[];
                            followers: (number | null)[];
                            likes: (number | null)[];
                            posts: number[];
                            reach: (number | null)[];
                            shares: (number | null)[];
                            views: (number | null)[];
                        }[];
                        summary: {
                            comments: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            engagement: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            engagementRate: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            followers: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            followersGrowth: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            likes: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            posts: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            reach: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            shares: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            views: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                        };
                        /** @description The zone the days are counted in (several, comma-separated, for an agency over several zones) */
                        timeZone: string;
                        topPosts: {
                            channelId: string;
                            comments: number | null;
                            deliveryId: string;
                            /** @description likes + comments + shares; null when the network reports none of them */
                            engagement: number | null;
                            /** @description engagement / reach (views where the network has no reach) */
                            engagementRate: number | null;
                            likes: number | null;
                            network: string;
                            postId: string;
                            publishedAt: string;
                            reach: number | null;
                            shares: number | null;
                            /** @description The first 280 characters of the text */
                            text: string;
                            /** @description The first picture, when the post has one */
                            thumbnailUrl: string | null;
                            /** @description The post at the network */
                            url: string | null;
                            views: number | null;
                        }[];
                    };
                };
            };
        };
    };
    getMeAnalyticsPosts: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                dir?: "asc" | "desc";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Sort key; posts without the counter come last */
                sort?: "publishedAt" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate";
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
                /** @description Comma-separated workspace ids */
                workspaceIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "thumbnailUrl": "https://example.com/spring",
                     *           "url": "https://example.com/hooks/herald",
                     *           "views": 1,
                     *           "likes": 1,
                     *           "comments": 1,
                     *           "shares": 1,
                     *           "reach": 1,
                     *           "engagement": 1,
                     *           "engagementRate": 1
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            channelId: string;
                            comments: number | null;
                            deliveryId: string;
                            /** @description likes + comments + shares; null when the network reports none of them */
                            engagement: number | null;
                            /** @description engagement / reach (views where the network has no reach) */
                            engagementRate: number | null;
                            likes: number | null;
                            network: string;
                            postId: string;
                            publishedAt: string;
                            reach: number | null;
                            shares: number | null;
                            /** @description The first 280 characters of the text */
                            text: string;
                            /** @description The first picture, when the post has one */
                            thumbnailUrl: string | null;
                            /** @description The post at the network */
                            url: string | null;
                            views: number | null;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getMeAnalyticsPostsCsv: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                dir?: "asc" | "desc";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Comma-separated networks */
                networks?: string;
                sort?: "publishedAt" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate";
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
                /** @description Comma-separated workspace ids */
                workspaceIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMeAnalyticsSeriesCsv: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description The daily figure, one column per channel */
                metric?: "posts" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate" | "followers";
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
                /** @description Comma-separated workspace ids */
                workspaceIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMeApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "prefix": "hk_3f1c9a52",
                     *           "scopes": [
                     *             "workspace.read",
                     *             "workspace.update"
                     *           ],
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "createdBy": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch"
                     *           },
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "expiresAt": "2026-03-14T09:30:00.000Z",
                     *           "lastUsedAt": "2026-03-14T09:30:00.000Z",
                     *           "lastUsedIp": "203.0.113.7",
                     *           "revokedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            name: string;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            scopes: ("workspace.read" | "workspace.update" | "workspace.delete" | "workspace.transfer" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                            /** @description null for a personal key */
                            workspaceId: string | null;
                        }[];
                    };
                };
            };
        };
    };
    postMeApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "n8n calendar sync",
                 *       "scopes": [
                 *         "posts.read",
                 *         "posts.edit",
                 *         "posts.schedule",
                 *         "channels.read"
                 *       ],
                 *       "expiresAt": "2027-06-30T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When the key stops working; leave out for a key that works until it is revoked
                     */
                    expiresAt?: string | null;
                    name: string;
                    scopes: ("workspace.read" | "workspace.update" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "prefix": "hk_3f1c9a52",
                     *       "scopes": [
                     *         "workspace.read",
                     *         "workspace.update"
                     *       ],
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "createdBy": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch"
                     *       },
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "lastUsedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastUsedIp": "203.0.113.7",
                     *       "revokedAt": "2026-03-14T09:30:00.000Z",
                     *       "key": "hk_3f1c9a52_Jx9vQ2mZ7kT4yR8wL1nB6cD0"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: {
                            id: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        expiresAt: string | null;
                        id: string;
                        /** @description The key itself: shown this once, store it now */
                        key: string;
                        /** Format: date-time */
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        name: string;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        revokedAt: string | null;
                        scopes: ("workspace.read" | "workspace.update" | "workspace.delete" | "workspace.transfer" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                        /** @description null for a personal key */
                        workspaceId: string | null;
                    };
                };
            };
        };
    };
    deleteMeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    getMeAttention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "workspaces": [
                     *         {
                     *           "workspace": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch",
                     *             "colour": "example",
                     *             "role": "editor"
                     *           },
                     *           "counts": {
                     *             "failed": 1,
                     *             "unconfirmed": 1,
                     *             "channels": 1,
                     *             "inReview": 1,
                     *             "reviewOverdue": 1,
                     *             "draftsDueSoon": 1,
                     *             "total": 1
                     *           },
                     *           "items": [
                     *             {
                     *               "kind": "delivery_failed",
                     *               "title": "Spring launch",
                     *               "detail": "example",
                     *               "at": "2026-03-14T09:30:00.000Z",
                     *               "href": "example",
                     *               "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        total: number;
                        workspaces: {
                            counts: {
                                channels: number;
                                draftsDueSoon: number;
                                failed: number;
                                inReview: number;
                                reviewOverdue: number;
                                total: number;
                                unconfirmed: number;
                            };
                            items: {
                                /** Format: date-time */
                                at: string | null;
                                channelId: string | null;
                                detail: string | null;
                                /** @description Where to act on it in the web app */
                                href: string;
                                /** @enum {string} */
                                kind: "delivery_failed" | "delivery_unconfirmed" | "channel_reconnect" | "channel_expiring" | "in_review" | "review_overdue" | "draft_due_soon";
                                postId: string | null;
                                title: string;
                            }[];
                            workspace: {
                                /** @description #rrggbb from a fixed palette; white text on it has at least 4.5:1 contrast */
                                colour: string;
                                id: string;
                                name: string;
                                role: string;
                            };
                        }[];
                    };
                };
            };
        };
    };
    putMeAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "image": "example"
                     *     }
                     */
                    "application/json": {
                        /** @description Where the picture is served (the same as `user.image` of /me), or null without one */
                        image: string | null;
                    };
                };
            };
        };
    };
    deleteMeAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "image": "example"
                     *     }
                     */
                    "application/json": {
                        /** @description Where the picture is served (the same as `user.image` of /me), or null without one */
                        image: string | null;
                    };
                };
            };
        };
    };
    getMeCalendar: {
        parameters: {
            query: {
                from: unknown;
                /** @description Comma-separated post states */
                state?: string;
                to: unknown;
                /** @description Comma-separated workspace ids */
                workspaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaces": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "colour": "example",
                     *           "role": "editor"
                     *         }
                     *       ],
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspace": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch",
                     *             "colour": "example"
                     *           },
                     *           "state": "example",
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "timeZone": "Europe/Paris",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "mediaCount": 1,
                     *           "channels": [
                     *             {
                     *               "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "network": "example",
                     *               "username": "herald",
                     *               "displayName": "Herald",
                     *               "state": "example",
                     *               "avatar": "example"
                     *             }
                     *           ],
                     *           "href": "example"
                     *         }
                     *       ],
                     *       "truncated": false
                     *     }
                     */
                    "application/json": {
                        items: {
                            channels: {
                                avatar: string | null;
                                channelId: string;
                                deliveryId: string;
                                displayName: string | null;
                                network: string;
                                state: string;
                                username: string | null;
                            }[];
                            /** @description The post's page in the web app */
                            href: string;
                            id: string;
                            mediaCount: number;
                            /** Format: date-time */
                            publishAt: string;
                            /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                            state: string;
                            /** @description The start of the text (200 characters) */
                            text: string;
                            timeZone: string;
                            workspace: {
                                /** @description #rrggbb from a fixed palette; white text on it has at least 4.5:1 contrast */
                                colour: string;
                                id: string;
                                name: string;
                            };
                        }[];
                        /** @description More than 2000 posts: narrow the range or the workspaces */
                        truncated: boolean;
                        /** @description Every workspace the calendar reads, whether or not it has posts in the range */
                        workspaces: {
                            /** @description #rrggbb from a fixed palette; white text on it has at least 4.5:1 contrast */
                            colour: string;
                            id: string;
                            name: string;
                            role: string;
                        }[];
                    };
                };
            };
        };
    };
    postMeDelete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "example",
                 *       "code": "post.not_found",
                 *       "confirm": true
                 *     }
                 */
                "application/json": {
                    /** @description TOTP or backup code, required when two-factor is on */
                    code?: string;
                    /**
                     * @description Must be true
                     * @enum {boolean}
                     */
                    confirm: true;
                    password: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "deleted",
                     *       "deleteAfter": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When a grace period is configured: when the account will be deleted
                         */
                        deleteAfter: string | null;
                        /** @enum {string} */
                        status: "deleted" | "scheduled";
                    };
                };
            };
        };
    };
    getMeDeletionPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "graceDays": 1,
                     *       "deletionRequestedAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedWorkspaces": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "channels": 1,
                     *           "posts": 1,
                     *           "members": 1
                     *         }
                     *       ],
                     *       "sharedWorkspaces": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "role": "editor",
                     *           "yourPosts": 1
                     *         }
                     *       ],
                     *       "connectedChannels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceName": "example",
                     *           "network": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "workspaceDeleted": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Channels you connected: Herald's access is revoked at their networks */
                        connectedChannels: {
                            displayName: string | null;
                            id: string;
                            network: string;
                            username: string | null;
                            workspaceDeleted: boolean;
                            workspaceId: string;
                            workspaceName: string;
                        }[];
                        /** @description Workspaces you own alone: deleted with all their data */
                        deletedWorkspaces: {
                            channels: number;
                            id: string;
                            members: number;
                            name: string;
                            posts: number;
                        }[];
                        /** Format: date-time */
                        deletionRequestedAt: string | null;
                        /** @description 0: deleted at once; otherwise days until the deletion (signing in again cancels it) */
                        graceDays: number;
                        /** @description Workspaces that stay: your posts remain, no longer attributed to you */
                        sharedWorkspaces: {
                            id: string;
                            name: string;
                            role: string;
                            yourPosts: number;
                        }[];
                    };
                };
            };
        };
    };
    getMeExports: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 20, at most 100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "status": "scheduled",
                     *           "progress": 1,
                     *           "size": 1,
                     *           "error": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "readyAt": "2026-03-14T09:30:00.000Z",
                     *           "expiresAt": "2026-03-14T09:30:00.000Z",
                     *           "downloadedAt": "2026-03-14T09:30:00.000Z",
                     *           "downloadUrl": "https://example.com/spring"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            downloadedAt: string | null;
                            /** @description Set while the archive can be downloaded */
                            downloadUrl: string | null;
                            /** @description Why the archive could not be built (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description After this the link answers 410 and the file is deleted
                             */
                            expiresAt: string | null;
                            id: string;
                            /** @description 0–100 */
                            progress: number;
                            /** Format: date-time */
                            readyAt: string | null;
                            /** @description Bytes of the ZIP, once ready */
                            size: number | null;
                            /** @description queued | building | ready | failed | expired */
                            status: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    postMeExports: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "status": "scheduled",
                     *       "progress": 1,
                     *       "size": 1,
                     *       "error": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "readyAt": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "downloadedAt": "2026-03-14T09:30:00.000Z",
                     *       "downloadUrl": "https://example.com/spring"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        downloadedAt: string | null;
                        /** @description Set while the archive can be downloaded */
                        downloadUrl: string | null;
                        /** @description Why the archive could not be built (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                        error: string | null;
                        /**
                         * Format: date-time
                         * @description After this the link answers 410 and the file is deleted
                         */
                        expiresAt: string | null;
                        id: string;
                        /** @description 0–100 */
                        progress: number;
                        /** Format: date-time */
                        readyAt: string | null;
                        /** @description Bytes of the ZIP, once ready */
                        size: number | null;
                        /** @description queued | building | ready | failed | expired */
                        status: string;
                    };
                };
            };
        };
    };
    getMeExportDownload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putMeLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "language": "en"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description One of en, fr, or null to follow the browser
                     * @enum {string|null}
                     */
                    language: "en" | "fr" | null;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "language": "en"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string|null} */
                        language: "en" | "fr" | null;
                    };
                };
            };
        };
    };
    getMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Per category: true = also by e-mail (the default), false = in the app only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approvals": false,
                     *       "comments": false,
                     *       "failures": false,
                     *       "preflight": false,
                     *       "channels": false,
                     *       "webhooks": false
                     *     }
                     */
                    "application/json": {
                        approvals: boolean;
                        channels: boolean;
                        comments: boolean;
                        failures: boolean;
                        preflight: boolean;
                        webhooks: boolean;
                    };
                };
            };
        };
    };
    putMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approvals": false,
                 *       "comments": false,
                 *       "failures": false,
                 *       "preflight": false,
                 *       "channels": false,
                 *       "webhooks": false
                 *     }
                 */
                "application/json": {
                    approvals?: boolean;
                    channels?: boolean;
                    comments?: boolean;
                    failures?: boolean;
                    preflight?: boolean;
                    webhooks?: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Per category: true = also by e-mail (the default), false = in the app only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approvals": false,
                     *       "comments": false,
                     *       "failures": false,
                     *       "preflight": false,
                     *       "channels": false,
                     *       "webhooks": false
                     *     }
                     */
                    "application/json": {
                        approvals: boolean;
                        channels: boolean;
                        comments: boolean;
                        failures: boolean;
                        preflight: boolean;
                        webhooks: boolean;
                    };
                };
            };
        };
    };
    getMeRestriction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "restricted": false,
                     *       "restrictedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description True while processing is paused: nothing is published and no token is refreshed for the channels you connected */
                        restricted: boolean;
                        /** Format: date-time */
                        restrictedAt: string | null;
                    };
                };
            };
        };
    };
    postMeRestriction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "restricted": false
                 *     }
                 */
                "application/json": {
                    restricted: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "restricted": false,
                     *       "restrictedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description True while processing is paused: nothing is published and no token is refreshed for the channels you connected */
                        restricted: boolean;
                        /** Format: date-time */
                        restrictedAt: string | null;
                    };
                };
            };
        };
    };
    deleteMeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        status: true;
                    };
                };
            };
        };
    };
    getNetworks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "label": "example",
                     *           "connect": "example",
                     *           "scopes": [
                     *             "example"
                     *           ],
                     *           "enabled": true,
                     *           "noRevoke": "example"
                     *         }
                     *       ],
                     *       "mediaByUrl": false
                     *     }
                     */
                    "application/json": {
                        items: {
                            connect: string;
                            enabled: boolean;
                            id: string;
                            label: string;
                            /** @description Set when the network, as configured here, cannot end Herald’s access on disconnect: what the person should know instead */
                            noRevoke: string | null;
                            scopes: string[];
                        }[];
                        /** @description This Herald has a public address networks can download media from (HERALD_MEDIA_PUBLIC_URL) */
                        mediaByUrl: boolean;
                    };
                };
            };
        };
    };
    postNetworkCallback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                name: string;
                network: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://example.com/hooks/herald",
                     *       "confirmation_code": "example"
                     *     }
                     */
                    "application/json": {
                        confirmation_code: string;
                        /** @description The status page of the request */
                        url: string;
                    } | {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    getNetworkOauthClientMetadataJson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                network: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 30, at most 100) */
                limit?: number;
                /** @description true: unread ones only */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "kind": "example",
                     *           "category": "example",
                     *           "entityType": "example",
                     *           "entityId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "title": "Spring launch",
                     *           "body": "Looks good to me, ship it on Thursday.",
                     *           "link": "https://example.com/spring",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "readAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ",
                     *       "unreadCount": 1
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description In the same language as the title; may hold line breaks */
                            body: string;
                            /** @description approvals | comments | failures | preflight | channels: the e-mail preference it falls under */
                            category: string;
                            /** Format: date-time */
                            createdAt: string;
                            entityId: string | null;
                            entityType: string;
                            id: string;
                            kind: string;
                            link: string | null;
                            /** Format: date-time */
                            readAt: string | null;
                            /** @description In your language (your profile’s; when you chose none, the one Accept-Language asks for); notifications from before Herald spoke languages stay in English */
                            title: string;
                            workspaceId: string | null;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                        /** @description Unread notifications in all, not only on this page */
                        unreadCount: number;
                    };
                };
            };
        };
    };
    postNotificationRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "marked": 1
                     *     }
                     */
                    "application/json": {
                        marked: number;
                    };
                };
            };
        };
    };
    postNotificationsReadAll: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "marked": 1
                     *     }
                     */
                    "application/json": {
                        marked: number;
                    };
                };
            };
        };
    };
    getOauthCallbackByNetwork: {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                error_description?: string;
                /** @description The authorization server that answers (RFC 9207): checked against the one Herald asked (Bluesky) */
                iss?: string;
                state?: string;
            };
            header?: never;
            path: {
                network: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "generatedAt": "2026-03-14T09:30:00.000Z",
                     *       "pages": {
                     *         "privacy": "example",
                     *         "terms": "example"
                     *       },
                     *       "operator": {
                     *         "name": "Spring launch",
                     *         "address": "example",
                     *         "contact": {
                     *           "kind": "email",
                     *           "value": "example",
                     *           "href": "example"
                     *         }
                     *       },
                     *       "networks": [
                     *         {
                     *           "id": "tiktok",
                     *           "label": "example",
                     *           "connect": "oauth",
                     *           "scopes": [
                     *             {
                     *               "scope": "example",
                     *               "meaning": "example"
                     *             }
                     *           ],
                     *           "terms": [
                     *             {
                     *               "label": "example",
                     *               "url": "https://example.com/hooks/herald"
                     *             }
                     *           ],
                     *           "callbacks": [
                     *             {
                     *               "name": "Spring launch",
                     *               "url": "https://example.com/hooks/herald"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "retention": {
                     *         "accessLogDays": 1,
                     *         "disconnectedRetentionDays": 1,
                     *         "sessionIdleDays": 1,
                     *         "mediaDeleteAfterPublish": false,
                     *         "mediaLibraryOptIn": false
                     *       },
                     *       "accountDeletionGraceDays": 1,
                     *       "analytics": {
                     *         "enabled": true,
                     *         "intervalMinutes": 1,
                     *         "windowDays": 1,
                     *         "historyDays": 1
                     *       },
                     *       "outgoing": {
                     *         "telemetry": false,
                     *         "smtpConfigured": false,
                     *         "networkServices": [
                     *           {
                     *             "network": "tiktok",
                     *             "sentence": [
                     *               "example"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "subprocessors": [
                     *         {
                     *           "name": "Spring launch",
                     *           "purpose": "example",
                     *           "location": "example"
                     *         }
                     *       ],
                     *       "customSections": {
                     *         "privacy": false,
                     *         "terms": false
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description Days between asking to delete an account and the deletion; 0 = at once */
                        accountDeletionGraceDays: number;
                        analytics: {
                            /** @description false: the operator turned collection off (HERALD_ANALYTICS_INTERVAL_MINUTES=0) */
                            enabled: boolean;
                            /** @description Days earlier readings and daily channel figures are kept (HERALD_ANALYTICS_HISTORY_DAYS); 0 = only the newest reading and today */
                            historyDays: number;
                            intervalMinutes: number;
                            /** @description Counters are read for this many days after publishing */
                            windowDays: number;
                        };
                        customSections: {
                            privacy: boolean;
                            terms: boolean;
                        };
                        /** @description When these facts were read from the configuration (Herald start) */
                        generatedAt: string;
                        networks: {
                            /** @description Addresses the network calls when a person removes Herald or asks for their data to be deleted (docs/network-callbacks.md) */
                            callbacks: {
                                name: string;
                                url: string;
                            }[];
                            /** @enum {string} */
                            connect: "oauth" | "oauth-instance" | "app-password";
                            /** @enum {string} */
                            id: "tiktok" | "mastodon" | "bluesky" | "instagram" | "facebook" | "threads" | "linkedin" | "youtube" | "pinterest" | "reddit" | "x";
                            label: string;
                            scopes: {
                                meaning: string;
                                scope: string;
                            }[];
                            terms: {
                                label: string;
                                url: string;
                            }[];
                        }[];
                        operator: {
                            address: string | null;
                            contact: {
                                href: string;
                                /** @enum {string} */
                                kind: "email" | "url";
                                value: string;
                            } | null;
                            /** @description null: not filled in by the operator */
                            name: string | null;
                        };
                        outgoing: {
                            /** @description What the enabled networks contact besides their own API (handle resolvers, media links), one sentence each; a { code } part is an address or setting name */
                            networkServices: {
                                /** @enum {string} */
                                network: "tiktok" | "mastodon" | "bluesky" | "instagram" | "facebook" | "threads" | "linkedin" | "youtube" | "pinterest" | "reddit" | "x";
                                sentence: (string | {
                                    code: string;
                                })[];
                            }[];
                            smtpConfigured: boolean;
                            /** @enum {boolean} */
                            telemetry: false;
                        };
                        pages: {
                            privacy: string;
                            terms: string;
                        };
                        retention: {
                            accessLogDays: number;
                            disconnectedRetentionDays: number;
                            mediaDeleteAfterPublish: boolean;
                            /** @description true: files are deleted after publishing unless a workspace's owners or admins turn on its media library (off by default), which keeps them until a member deletes them */
                            mediaLibraryOptIn: boolean;
                            sessionIdleDays: number;
                        };
                        subprocessors: {
                            location: string;
                            name: string;
                            purpose: string;
                        }[];
                    };
                };
            };
        };
    };
    getReviewByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaceName": "example",
                     *       "language": "en",
                     *       "recipientName": "example",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "files": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "kind": "example",
                     *           "fileName": "spring.jpg",
                     *           "url": "https://example.com/hooks/herald"
                     *         }
                     *       ],
                     *       "posts": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "state": "example",
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "timeZone": "Europe/Paris",
                     *           "review": {
                     *             "overdue": false,
                     *             "approvedAt": "2026-03-14T09:30:00.000Z",
                     *             "approvedByName": "example"
                     *           },
                     *           "deliveries": [
                     *             {
                     *               "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "network": "example",
                     *               "channel": {
                     *                 "username": "herald",
                     *                 "displayName": "Herald"
                     *               },
                     *               "content": {},
                     *               "settings": {}
                     *             }
                     *           ],
                     *           "reviews": [
                     *             {
                     *               "decision": "example",
                     *               "comment": "example",
                     *               "actorName": "example",
                     *               "createdAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        files: {
                            fileName: string;
                            kind: string;
                            mediaId: string;
                            url: string;
                        }[];
                        /**
                         * @description The workspace's language for its clients: the page shows in it
                         * @enum {string}
                         */
                        language: "en" | "fr";
                        posts: {
                            deliveries: {
                                channel: {
                                    displayName: string | null;
                                    username: string | null;
                                } | null;
                                channelId: string;
                                content: unknown;
                                id: string;
                                network: string;
                                settings: {
                                    [key: string]: unknown;
                                };
                            }[];
                            id: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            review: {
                                /** Format: date-time */
                                approvedAt: string | null;
                                approvedByName: string | null;
                                overdue: boolean;
                            };
                            reviews: {
                                actorName: string;
                                comment: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                decision: string;
                            }[];
                            state: string;
                            timeZone: string;
                        }[];
                        recipientName: string;
                        workspaceName: string;
                    };
                };
            };
        };
    };
    getReviewByTokenMediaByMediaId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postReviewByTokenPostDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "approve",
                 *       "comment": "example"
                 *     }
                 */
                "application/json": {
                    /** @description Required to request changes */
                    comment?: string;
                    /** @enum {string} */
                    decision: "approve" | "request_changes";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald"
                     *           },
                     *           "content": {},
                     *           "settings": {}
                     *         }
                     *       ],
                     *       "reviews": [
                     *         {
                     *           "decision": "example",
                     *           "comment": "example",
                     *           "actorName": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        deliveries: {
                            channel: {
                                displayName: string | null;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            id: string;
                            network: string;
                            settings: {
                                [key: string]: unknown;
                            };
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            overdue: boolean;
                        };
                        reviews: {
                            actorName: string;
                            comment: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decision: string;
                        }[];
                        state: string;
                        timeZone: string;
                    };
                };
            };
        };
    };
    getUserAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "slug": "example",
                     *           "language": "en",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "role": "editor"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            /**
                             * @description The language of what the workspace's clients see: approval-by-link pages, e-mails to outside recipients, client reports
                             * @enum {string}
                             */
                            language: "en" | "fr";
                            name: string;
                            role: string;
                            slug: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaces: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "timeZone": "Europe/Paris"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description The zone posting times are in (default UTC); the web app sends the creator's */
                    timeZone?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "slug": "example",
                     *       "language": "en",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "role": "editor"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        /**
                         * @description The language of what the workspace's clients see: approval-by-link pages, e-mails to outside recipients, client reports
                         * @enum {string}
                         */
                        language: "en" | "fr";
                        name: string;
                        role: string;
                        slug: string;
                    };
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "slug": "example",
                     *       "language": "en",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "role": "editor"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        /**
                         * @description The language of what the workspace's clients see: approval-by-link pages, e-mails to outside recipients, client reports
                         * @enum {string}
                         */
                        language: "en" | "fr";
                        name: string;
                        role: string;
                        slug: string;
                    };
                };
            };
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    patchWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "language": "en"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    language?: "en" | "fr";
                    name?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "slug": "example",
                     *       "language": "en",
                     *       "createdAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        /**
                         * @description The language of what the workspace's clients see: approval-by-link pages, e-mails to outside recipients, client reports
                         * @enum {string}
                         */
                        language: "en" | "fr";
                        name: string;
                        slug: string;
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsBestTimes: {
        parameters: {
            query?: {
                /** @description One channel; the whole workspace when left out */
                channelId?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "basedOn": {
                     *         "posts": 1,
                     *         "weeks": 1
                     *       },
                     *       "enough": false,
                     *       "minimumPosts": 1,
                     *       "minimumWeeks": 1,
                     *       "suggestions": [
                     *         {
                     *           "weekday": 1,
                     *           "hour": 1,
                     *           "score": 1,
                     *           "posts": 1
                     *         }
                     *       ],
                     *       "grid": [
                     *         {
                     *           "weekday": 1,
                     *           "hour": 1,
                     *           "posts": 1,
                     *           "meanEngagement": 1,
                     *           "score": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Published posts with counters in the last 90 days, and the distinct weeks they fall in */
                        basedOn: {
                            posts: number;
                            weeks: number;
                        };
                        channelId: string | null;
                        /** @description False when there is too little data: no suggestion is made */
                        enough: boolean;
                        grid: {
                            /** @description Hour of the day in the workspace’s time zone */
                            hour: number;
                            meanEngagement: number;
                            posts: number;
                            score: number;
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            weekday: number;
                        }[];
                        minimumPosts: number;
                        minimumWeeks: number;
                        suggestions: {
                            /** @description Hour of the day in the workspace’s time zone */
                            hour: number;
                            posts: number;
                            /** @description 1 = the channel’s average post */
                            score: number;
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            weekday: number;
                        }[];
                        timeZone: string;
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsDashboard: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description Also compute the previous period of equal length */
                compare?: "0" | "1" | "true" | "false";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "range": {
                     *         "from": "example",
                     *         "to": "example"
                     *       },
                     *       "previous": {
                     *         "from": "example",
                     *         "to": "example"
                     *       },
                     *       "timeZone": "Europe/Paris",
                     *       "days": [
                     *         "example"
                     *       ],
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceName": "example",
                     *           "network": "example",
                     *           "name": "Spring launch",
                     *           "avatarUrl": "https://example.com/spring",
                     *           "supports": {
                     *             "counters": [
                     *               "views",
                     *               "likes"
                     *             ],
                     *             "followers": false
                     *           }
                     *         }
                     *       ],
                     *       "summary": {
                     *         "posts": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "views": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "likes": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "comments": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "shares": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "reach": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "engagement": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "engagementRate": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "followers": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         },
                     *         "followersGrowth": {
                     *           "value": 1,
                     *           "previous": 1,
                     *           "change": 1
                     *         }
                     *       },
                     *       "series": [
                     *         {
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "posts": [
                     *             1
                     *           ],
                     *           "followers": [
                     *             1
                     *           ],
                     *           "views": [
                     *             1
                     *           ],
                     *           "likes": [
                     *             1
                     *           ],
                     *           "comments": [
                     *             1
                     *           ],
                     *           "shares": [
                     *             1
                     *           ],
                     *           "reach": [
                     *             1
                     *           ],
                     *           "engagement": [
                     *             1
                     *           ]
                     *         }
                     *       ],
                     *       "topPosts": [
                     *         {
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "thumbnailUrl": "https://example.com/spring",
                     *           "url": "https://example.com/hooks/herald",
                     *           "views": 1,
                     *           "likes": 1,
                     *           "comments": 1,
                     *           "shares": 1,
                     *           "reach": 1,
                     *           "engagement": 1,
                     *           "engagementRate": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        channels: {
                            avatarUrl: string | null;
                            id: string;
                            name: string;
                            network: string;
                            /** @description What the network reports; the rest is "not reported", never 0 */
                            supports: {
                                readonly counters: ("views" | "likes" | "comments" | "shares" | "reach")[];
                                followers: boolean;
                            };
                            workspaceId: string;
                            workspaceName: string;
                        }[];
                        days: string[];
                        previous: {
                            from: string;
                            to: string;
                        } | null;
                        range: {
                            from: string;
                            to: string;
                        };
                        /** @description Per channel, values aligned with days (null: not reported or no data that day) */
                        series: {
                            channelId: string;
                            comments: (number | null)[];
                            engagement: (number | null)[];
                            followers: (number | null)[];
                            likes: (number | null)[];
                            posts: number[];
                            reach: (number | null)[];
                            shares: (number | null)[];
                            views: (number | null)[];
                        }[];
                        summary: {
                            comments: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            engagement: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            engagementRate: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            followers: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            followersGrowth: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            likes: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            posts: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            reach: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            shares: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                            views: {
                                /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                change: number | null;
                                /** @description The previous period’s value; null when not compared or not reported */
                                previous: number | null;
                                /** @description null: no selected channel’s network reports it */
                                value: number | null;
                            };
                        };
                        /** @description The zone the days are counted in (several, comma-separated, for an agency over several zones) */
                        timeZone: string;
                        topPosts: {
                            channelId: string;
                            comments: number | null;
                            deliveryId: string;
                            /** @description likes + comments + shares; null when the network reports none of them */
                            engagement: number | null;
                            /** @description engagement / reach (views where the network has no reach) */
                            engagementRate: number | null;
                            likes: number | null;
                            network: string;
                            postId: string;
                            publishedAt: string;
                            reach: number | null;
                            shares: number | null;
                            /** @description The first 280 characters of the text */
                            text: string;
                            /** @description The first picture, when the post has one */
                            thumbnailUrl: string | null;
                            /** @description The post at the network */
                            url: string | null;
                            views: number | null;
                        }[];
                    };
                };
            };
        };
    };
    deleteWorkspaceAnalyticsMetrics: {
        parameters: {
            query?: {
                channelId?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": 1
                     *     }
                     */
                    "application/json": {
                        deleted: number;
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsPosts: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                dir?: "asc" | "desc";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Sort key; posts without the counter come last */
                sort?: "publishedAt" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate";
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "thumbnailUrl": "https://example.com/spring",
                     *           "url": "https://example.com/hooks/herald",
                     *           "views": 1,
                     *           "likes": 1,
                     *           "comments": 1,
                     *           "shares": 1,
                     *           "reach": 1,
                     *           "engagement": 1,
                     *           "engagementRate": 1
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            channelId: string;
                            comments: number | null;
                            deliveryId: string;
                            /** @description likes + comments + shares; null when the network reports none of them */
                            engagement: number | null;
                            /** @description engagement / reach (views where the network has no reach) */
                            engagementRate: number | null;
                            likes: number | null;
                            network: string;
                            postId: string;
                            publishedAt: string;
                            reach: number | null;
                            shares: number | null;
                            /** @description The first 280 characters of the text */
                            text: string;
                            /** @description The first picture, when the post has one */
                            thumbnailUrl: string | null;
                            /** @description The post at the network */
                            url: string | null;
                            views: number | null;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsPostsCsv: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                dir?: "asc" | "desc";
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description Comma-separated networks */
                networks?: string;
                sort?: "publishedAt" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate";
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceAnalyticsReport: {
        parameters: {
            query?: {
                /** @description First day of the period (YYYY-MM-DD, in the workspace’s time zone); default the first day of last month */
                from?: string;
                /** @description Last day of the period, included (at most 366 days after from); default the last day of last month */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspace": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "logoUrl": "https://example.com/spring"
                     *       },
                     *       "generatedAt": "2026-03-14T09:30:00.000Z",
                     *       "dashboard": {
                     *         "range": {
                     *           "from": "example",
                     *           "to": "example"
                     *         },
                     *         "previous": {
                     *           "from": "example",
                     *           "to": "example"
                     *         },
                     *         "timeZone": "Europe/Paris",
                     *         "days": [
                     *           "example"
                     *         ],
                     *         "channels": [
                     *           {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "workspaceName": "example",
                     *             "network": "example",
                     *             "name": "Spring launch",
                     *             "avatarUrl": "https://example.com/spring",
                     *             "supports": {
                     *               "counters": [
                     *                 "views",
                     *                 "likes"
                     *               ],
                     *               "followers": false
                     *             }
                     *           }
                     *         ],
                     *         "summary": {
                     *           "posts": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "views": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "likes": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "comments": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "shares": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "reach": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "engagement": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "engagementRate": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "followers": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           },
                     *           "followersGrowth": {
                     *             "value": 1,
                     *             "previous": 1,
                     *             "change": 1
                     *           }
                     *         },
                     *         "series": [
                     *           {
                     *             "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "posts": [
                     *               1
                     *             ],
                     *             "followers": [
                     *               1
                     *             ],
                     *             "views": [
                     *               1
                     *             ],
                     *             "likes": [
                     *               1
                     *             ],
                     *             "comments": [
                     *               1
                     *             ],
                     *             "shares": [
                     *               1
                     *             ],
                     *             "reach": [
                     *               1
                     *             ],
                     *             "engagement": [
                     *               1
                     *             ]
                     *           }
                     *         ],
                     *         "topPosts": [
                     *           {
                     *             "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "network": "example",
                     *             "publishedAt": "2026-03-14T09:30:00.000Z",
                     *             "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *             "thumbnailUrl": "https://example.com/spring",
                     *             "url": "https://example.com/hooks/herald",
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "engagement": 1,
                     *             "engagementRate": 1
                     *           }
                     *         ]
                     *       },
                     *       "networks": [
                     *         {
                     *           "network": "example",
                     *           "channels": [
                     *             "example"
                     *           ],
                     *           "summary": {
                     *             "posts": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "views": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "likes": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "comments": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "shares": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "reach": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "engagement": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "engagementRate": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "followers": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             },
                     *             "followersGrowth": {
                     *               "value": 1,
                     *               "previous": 1,
                     *               "change": 1
                     *             }
                     *           },
                     *           "topPosts": [
                     *             {
                     *               "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "network": "example",
                     *               "publishedAt": "2026-03-14T09:30:00.000Z",
                     *               "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *               "thumbnailUrl": "https://example.com/spring",
                     *               "url": "https://example.com/hooks/herald",
                     *               "views": 1,
                     *               "likes": 1,
                     *               "comments": 1,
                     *               "shares": 1,
                     *               "reach": 1,
                     *               "engagement": 1,
                     *               "engagementRate": 1
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        dashboard: {
                            channels: {
                                avatarUrl: string | null;
                                id: string;
                                name: string;
                                network: string;
                                /** @description What the network reports; the rest is "not reported", never 0 */
                                supports: {
                                    readonly counters: ("views" | "likes" | "comments" | "shares" | "reach")[];
                                    followers: boolean;
                                };
                                workspaceId: string;
                                workspaceName: string;
                            }[];
                            days: string[];
                            previous: {
                                from: string;
                                to: string;
                            } | null;
                            range: {
                                from: string;
                                to: string;
                            };
                            /** @description Per channel, values aligned with days (null: not reported or no data that day) */
                            series: {
                                channelId: string;
                                comments: (number | null)[];
                                engagement: (number | null)[];
                                followers: (number | null)[];
                                likes: (number | null)[];
                                posts: number[];
                                reach: (number | null)[];
                                shares: (number | null)[];
                                views: (number | null)[];
                            }[];
                            summary: {
                                comments: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                engagement: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                engagementRate: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                followers: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                followersGrowth: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                likes: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                posts: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                reach: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                shares: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                views: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                            };
                            /** @description The zone the days are counted in (several, comma-separated, for an agency over several zones) */
                            timeZone: string;
                            topPosts: {
                                channelId: string;
                                comments: number | null;
                                deliveryId: string;
                                /** @description likes + comments + shares; null when the network reports none of them */
                                engagement: number | null;
                                /** @description engagement / reach (views where the network has no reach) */
                                engagementRate: number | null;
                                likes: number | null;
                                network: string;
                                postId: string;
                                publishedAt: string;
                                reach: number | null;
                                shares: number | null;
                                /** @description The first 280 characters of the text */
                                text: string;
                                /** @description The first picture, when the post has one */
                                thumbnailUrl: string | null;
                                /** @description The post at the network */
                                url: string | null;
                                views: number | null;
                            }[];
                        };
                        generatedAt: string;
                        /** @description A section per network with a channel in the workspace */
                        networks: {
                            channels: string[];
                            network: string;
                            summary: {
                                comments: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                engagement: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                engagementRate: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                followers: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                followersGrowth: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                likes: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                posts: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                reach: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                shares: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                                views: {
                                    /** @description (value - previous) / previous; null when either is null or previous is 0 */
                                    change: number | null;
                                    /** @description The previous period’s value; null when not compared or not reported */
                                    previous: number | null;
                                    /** @description null: no selected channel’s network reports it */
                                    value: number | null;
                                };
                            };
                            topPosts: {
                                channelId: string;
                                comments: number | null;
                                deliveryId: string;
                                /** @description likes + comments + shares; null when the network reports none of them */
                                engagement: number | null;
                                /** @description engagement / reach (views where the network has no reach) */
                                engagementRate: number | null;
                                likes: number | null;
                                network: string;
                                postId: string;
                                publishedAt: string;
                                reach: number | null;
                                shares: number | null;
                                /** @description The first 280 characters of the text */
                                text: string;
                                /** @description The first picture, when the post has one */
                                thumbnailUrl: string | null;
                                /** @description The post at the network */
                                url: string | null;
                                views: number | null;
                            }[];
                        }[];
                        workspace: {
                            id: string;
                            /** @description Where the workspace’s logo is served, or null without one */
                            logoUrl: string | null;
                            name: string;
                        };
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsReportSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true,
                     *       "recipients": [
                     *         "example"
                     *       ],
                     *       "logoUrl": "https://example.com/spring",
                     *       "lastRun": {
                     *         "from": "example",
                     *         "to": "example",
                     *         "sentTo": 1,
                     *         "at": "example"
                     *       }
                     *     }
                     */
                    "application/json": {
                        enabled: boolean;
                        lastRun: {
                            at: string;
                            from: string;
                            /** @description How many recipients it went to */
                            sentTo: number;
                            to: string;
                        } | null;
                        /** @description The logo the report carries (PUT /workspaces/{workspaceId}/logo), or null */
                        logoUrl: string | null;
                        recipients: string[];
                    };
                };
            };
        };
    };
    putWorkspaceAnalyticsReportSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "recipients": [
                 *         "ada@example.com"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Send last month’s report on the 1st of every month (in the workspace’s time zone) */
                    enabled: boolean;
                    /** @description Who receives it (the client, for example) */
                    recipients: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true,
                     *       "recipients": [
                     *         "example"
                     *       ],
                     *       "logoUrl": "https://example.com/spring",
                     *       "lastRun": {
                     *         "from": "example",
                     *         "to": "example",
                     *         "sentTo": 1,
                     *         "at": "example"
                     *       }
                     *     }
                     */
                    "application/json": {
                        enabled: boolean;
                        lastRun: {
                            at: string;
                            from: string;
                            /** @description How many recipients it went to */
                            sentTo: number;
                            to: string;
                        } | null;
                        /** @description The logo the report carries (PUT /workspaces/{workspaceId}/logo), or null */
                        logoUrl: string | null;
                        recipients: string[];
                    };
                };
            };
        };
    };
    getWorkspaceAnalyticsReportPdf: {
        parameters: {
            query?: {
                /** @description First day of the period (YYYY-MM-DD, in the workspace’s time zone); default the first day of last month */
                from?: string;
                /** @description Last day of the period, included (at most 366 days after from); default the last day of last month */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceAnalyticsSeriesCsv: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
                /** @description First day (YYYY-MM-DD, in the workspace zone), included; default 29 days before to */
                from?: string;
                /** @description The daily figure, one column per channel */
                metric?: "posts" | "views" | "likes" | "comments" | "shares" | "reach" | "engagement" | "engagementRate" | "followers";
                /** @description Comma-separated networks */
                networks?: string;
                /** @description Last day, included (at most 731 days after from); default today in the workspace zone */
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true,
                     *       "instanceEnabled": true,
                     *       "intervalMinutes": 1,
                     *       "windowDays": 1,
                     *       "collected": 1,
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "name": "Spring launch",
                     *           "enabled": true,
                     *           "collected": 1,
                     *           "status": "scheduled"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        channels: {
                            collected: number;
                            enabled: boolean;
                            id: string;
                            name: string;
                            network: string;
                            status: string;
                        }[];
                        collected: number;
                        enabled: boolean;
                        instanceEnabled: boolean;
                        intervalMinutes: number;
                        windowDays: number;
                    };
                };
            };
        };
    };
    putWorkspaceAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "deleteCollected": false
                 *     }
                 */
                "application/json": {
                    /** @description Also delete the counters already collected */
                    deleteCollected?: boolean;
                    enabled: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": 1
                     *     }
                     */
                    "application/json": {
                        deleted: number;
                    };
                };
            };
        };
    };
    getWorkspaceApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "prefix": "hk_3f1c9a52",
                     *           "scopes": [
                     *             "workspace.read",
                     *             "workspace.update"
                     *           ],
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "createdBy": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch"
                     *           },
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "expiresAt": "2026-03-14T09:30:00.000Z",
                     *           "lastUsedAt": "2026-03-14T09:30:00.000Z",
                     *           "lastUsedIp": "203.0.113.7",
                     *           "revokedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            name: string;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            scopes: ("workspace.read" | "workspace.update" | "workspace.delete" | "workspace.transfer" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                            /** @description null for a personal key */
                            workspaceId: string | null;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "n8n calendar sync",
                 *       "scopes": [
                 *         "posts.read",
                 *         "posts.edit",
                 *         "posts.schedule",
                 *         "channels.read"
                 *       ],
                 *       "expiresAt": "2027-06-30T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When the key stops working; leave out for a key that works until it is revoked
                     */
                    expiresAt?: string | null;
                    name: string;
                    scopes: ("workspace.read" | "workspace.update" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "prefix": "hk_3f1c9a52",
                     *       "scopes": [
                     *         "workspace.read",
                     *         "workspace.update"
                     *       ],
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "createdBy": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch"
                     *       },
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "lastUsedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastUsedIp": "203.0.113.7",
                     *       "revokedAt": "2026-03-14T09:30:00.000Z",
                     *       "key": "hk_3f1c9a52_Jx9vQ2mZ7kT4yR8wL1nB6cD0"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: {
                            id: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        expiresAt: string | null;
                        id: string;
                        /** @description The key itself: shown this once, store it now */
                        key: string;
                        /** Format: date-time */
                        lastUsedAt: string | null;
                        lastUsedIp: string | null;
                        name: string;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        revokedAt: string | null;
                        scopes: ("workspace.read" | "workspace.update" | "workspace.delete" | "workspace.transfer" | "members.read" | "members.manage" | "channels.read" | "channels.manage" | "posts.read" | "posts.edit" | "posts.schedule" | "posts.approve" | "settings.manage" | "audit.read")[];
                        /** @description null for a personal key */
                        workspaceId: string | null;
                    };
                };
            };
        };
    };
    deleteWorkspaceApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    getWorkspaceApprovalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approvalRequired": false,
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "approvalRequired": false,
                     *           "effective": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        approvalRequired: boolean;
                        channels: {
                            /** @description The channel’s own choice; null follows the workspace */
                            approvalRequired: boolean | null;
                            displayName: string | null;
                            /** @description Whether posts to this channel need approval now */
                            effective: boolean;
                            id: string;
                            network: string;
                            username: string | null;
                        }[];
                    };
                };
            };
        };
    };
    putWorkspaceApprovalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approvalRequired": false
                 *     }
                 */
                "application/json": {
                    approvalRequired: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approvalRequired": false,
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "approvalRequired": false,
                     *           "effective": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        approvalRequired: boolean;
                        channels: {
                            /** @description The channel’s own choice; null follows the workspace */
                            approvalRequired: boolean | null;
                            displayName: string | null;
                            /** @description Whether posts to this channel need approval now */
                            effective: boolean;
                            id: string;
                            network: string;
                            username: string | null;
                        }[];
                    };
                };
            };
        };
    };
    getWorkspaceAudit: {
        parameters: {
            query?: {
                action?: string;
                /** @description Only what this person did */
                actorUserId?: string;
                cursor?: number;
                /** @description From this instant (inclusive) */
                from?: unknown;
                /** @description posts (and their comments, deliveries, media), channels, members (and invitations), settings */
                kind?: "posts" | "channels" | "members" | "settings";
                limit?: number;
                /** @description Until this instant (exclusive) */
                to?: unknown;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": 1,
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "actorUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "actorName": "example",
                     *           "actorEmail": "example",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "action": "example",
                     *           "entityType": "example",
                     *           "entityId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "changes": {},
                     *           "ip": "203.0.113.7",
                     *           "userAgent": "Mozilla/5.0",
                     *           "entity": {
                     *             "type": "example",
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch",
                     *             "link": "https://example.com/spring",
                     *             "network": "example",
                     *             "gone": false
                     *           },
                     *           "names": {}
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            action: string;
                            actorEmail: string | null;
                            actorName: string | null;
                            actorUserId: string | null;
                            changes: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description What the entry is about, named; null for entries about nothing with a name (sign-ins…) */
                            entity: {
                                gone: boolean;
                                id: string;
                                /** @description Its page in the web app; null once it is gone */
                                link: string | null;
                                /** @description How people name it: a post's first words, a channel's @username, a member's name */
                                name: string;
                                network: string | null;
                                type: string;
                            } | null;
                            entityId: string | null;
                            entityType: string;
                            id: number;
                            ip: string | null;
                            /** @description Names for the ids inside `changes` (people, posts, channels) */
                            names: {
                                [key: string]: string;
                            };
                            userAgent: string | null;
                            workspaceId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getWorkspaceBulkCsvExportCsv: {
        parameters: {
            query?: {
                /** @description Default: now */
                from?: unknown;
                /** @description Default: a year after from */
                to?: unknown;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postWorkspaceBulkCsvImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "csv": "example"
                 *     }
                 */
                "application/json": {
                    /** @description The file's text (UTF-8; a byte order mark is fine). Columns: text (The post text (required unless the post has media). Line breaks, commas and quotes are fine inside a quoted cell); channels (Where it goes: channel ids, handles (@name) or display names, separated by ";"); date (The day in the time zone, YYYY-MM-DD (leave empty when publish_at is given)); time (The time of day, 24-hour HH:MM); time_zone (An IANA time zone such as Europe/Berlin; empty: the workspace time zone); publish_at (Instead of date and time: an ISO 8601 instant with its offset, e.g. 2027-03-01T09:30:00+01:00); media_urls (Pictures or videos to download into the media library when imported (http/https), separated by ";"); media_ids (Files already in the media library, by id, separated by ";"); first_comment (A first comment, for networks that take one); settings (Network options as JSON keyed by network id, e.g. {"<network id>": {"option": "value"}}; empty: the defaults) */
                    csv: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "valid": 1,
                     *       "invalid": 1,
                     *       "rows": [
                     *         {
                     *           "row": 1,
                     *           "status": "valid",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "channels": [
                     *             "example"
                     *           ],
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "errors": [
                     *             {
                     *               "field": "text",
                     *               "reason": "example"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "errorsCsv": "example",
                     *       "imported": [
                     *         {
                     *           "row": 1,
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description The invalid rows as written plus an "errors" column, as CSV (UTF-8 with BOM); null when every row is valid */
                        errorsCsv: string | null;
                        imported: {
                            postId: string;
                            row: number;
                        }[];
                        invalid: number;
                        rows: {
                            /** @description The channels the row names, as found */
                            channels: string[];
                            errors: {
                                /**
                                 * @description The column (or "row" for the row as a whole)
                                 * @enum {string}
                                 */
                                field: "text" | "channels" | "date" | "time" | "time_zone" | "publish_at" | "media_urls" | "media_ids" | "first_comment" | "settings" | "row";
                                reason: string;
                            }[];
                            publishAt: string | null;
                            /** @description The row as a spreadsheet numbers it: the header is row 1 */
                            row: number;
                            /** @enum {string} */
                            status: "valid" | "invalid";
                            text: string;
                        }[];
                        total: number;
                        valid: number;
                    };
                };
            };
        };
    };
    postWorkspaceBulkCsvPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "csv": "example"
                 *     }
                 */
                "application/json": {
                    /** @description The file's text (UTF-8; a byte order mark is fine). Columns: text (The post text (required unless the post has media). Line breaks, commas and quotes are fine inside a quoted cell); channels (Where it goes: channel ids, handles (@name) or display names, separated by ";"); date (The day in the time zone, YYYY-MM-DD (leave empty when publish_at is given)); time (The time of day, 24-hour HH:MM); time_zone (An IANA time zone such as Europe/Berlin; empty: the workspace time zone); publish_at (Instead of date and time: an ISO 8601 instant with its offset, e.g. 2027-03-01T09:30:00+01:00); media_urls (Pictures or videos to download into the media library when imported (http/https), separated by ";"); media_ids (Files already in the media library, by id, separated by ";"); first_comment (A first comment, for networks that take one); settings (Network options as JSON keyed by network id, e.g. {"<network id>": {"option": "value"}}; empty: the defaults) */
                    csv: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "valid": 1,
                     *       "invalid": 1,
                     *       "rows": [
                     *         {
                     *           "row": 1,
                     *           "status": "valid",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "channels": [
                     *             "example"
                     *           ],
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "errors": [
                     *             {
                     *               "field": "text",
                     *               "reason": "example"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "errorsCsv": "example"
                     *     }
                     */
                    "application/json": {
                        /** @description The invalid rows as written plus an "errors" column, as CSV (UTF-8 with BOM); null when every row is valid */
                        errorsCsv: string | null;
                        invalid: number;
                        rows: {
                            /** @description The channels the row names, as found */
                            channels: string[];
                            errors: {
                                /**
                                 * @description The column (or "row" for the row as a whole)
                                 * @enum {string}
                                 */
                                field: "text" | "channels" | "date" | "time" | "time_zone" | "publish_at" | "media_urls" | "media_ids" | "first_comment" | "settings" | "row";
                                reason: string;
                            }[];
                            publishAt: string | null;
                            /** @description The row as a spreadsheet numbers it: the header is row 1 */
                            row: number;
                            /** @enum {string} */
                            status: "valid" | "invalid";
                            text: string;
                        }[];
                        total: number;
                        valid: number;
                    };
                };
            };
        };
    };
    getWorkspaceBulkCsvTemplateCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceChannels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "instance": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "avatarUrl": "https://example.com/spring",
                     *           "avatar": "example",
                     *           "status": "scheduled",
                     *           "statusReason": "example",
                     *           "statusReasonKey": "example",
                     *           "scopesGranted": [
                     *             "example"
                     *           ],
                     *           "limits": {},
                     *           "missingFeatures": [
                     *             "example"
                     *           ],
                     *           "connectedAt": "2026-03-14T09:30:00.000Z",
                     *           "disconnectedAt": "2026-03-14T09:30:00.000Z",
                     *           "purgeAfter": "2026-03-14T09:30:00.000Z",
                     *           "usage": [
                     *             {
                     *               "label": "example",
                     *               "used": 1,
                     *               "limit": 20,
                     *               "resetsAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description Herald's copy of the avatar (the browser never loads it from the network) */
                            avatar: string | null;
                            avatarUrl: string | null;
                            /** Format: date-time */
                            connectedAt: string;
                            /** Format: date-time */
                            disconnectedAt: string | null;
                            displayName: string | null;
                            externalId: string;
                            id: string;
                            instance: string | null;
                            /** @description The network's limits for this account, as the composer checks them */
                            limits: {
                                [key: string]: unknown;
                            };
                            missingFeatures: string[];
                            network: string;
                            /** Format: date-time */
                            purgeAfter: string | null;
                            scopesGranted: string[];
                            status: string;
                            /** @description Why the channel is in its status, in the request's language (Accept-Language) */
                            statusReason: string | null;
                            /** @description The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words */
                            statusReasonKey: string | null;
                            /** @description What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any */
                            usage: {
                                label: string;
                                limit: number;
                                /** Format: date-time */
                                resetsAt: string;
                                used: number;
                            }[];
                            username: string | null;
                            workspaceId: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteWorkspaceChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "channel": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "network": "example",
                     *         "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "instance": "example",
                     *         "username": "herald",
                     *         "displayName": "Herald",
                     *         "avatarUrl": "https://example.com/spring",
                     *         "avatar": "example",
                     *         "status": "scheduled",
                     *         "statusReason": "example",
                     *         "statusReasonKey": "example",
                     *         "scopesGranted": [
                     *           "example"
                     *         ],
                     *         "limits": {},
                     *         "missingFeatures": [
                     *           "example"
                     *         ],
                     *         "connectedAt": "2026-03-14T09:30:00.000Z",
                     *         "disconnectedAt": "2026-03-14T09:30:00.000Z",
                     *         "purgeAfter": "2026-03-14T09:30:00.000Z",
                     *         "usage": [
                     *           {
                     *             "label": "example",
                     *             "used": 1,
                     *             "limit": 20,
                     *             "resetsAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         ]
                     *       },
                     *       "revokedAtNetwork": false,
                     *       "revokeSkipped": "network_has_no_revoke"
                     *     }
                     */
                    "application/json": {
                        channel: {
                            /** @description Herald's copy of the avatar (the browser never loads it from the network) */
                            avatar: string | null;
                            avatarUrl: string | null;
                            /** Format: date-time */
                            connectedAt: string;
                            /** Format: date-time */
                            disconnectedAt: string | null;
                            displayName: string | null;
                            externalId: string;
                            id: string;
                            instance: string | null;
                            /** @description The network's limits for this account, as the composer checks them */
                            limits: {
                                [key: string]: unknown;
                            };
                            missingFeatures: string[];
                            network: string;
                            /** Format: date-time */
                            purgeAfter: string | null;
                            scopesGranted: string[];
                            status: string;
                            /** @description Why the channel is in its status, in the request's language (Accept-Language) */
                            statusReason: string | null;
                            /** @description The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words */
                            statusReasonKey: string | null;
                            /** @description What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any */
                            usage: {
                                label: string;
                                limit: number;
                                /** Format: date-time */
                                resetsAt: string;
                                used: number;
                            }[];
                            username: string | null;
                            workspaceId: string;
                        };
                        revokedAtNetwork: boolean;
                        /**
                         * @description Why the network was not asked to revoke: it offers no way to, or another connected channel still uses the same grant
                         * @enum {string|null}
                         */
                        revokeSkipped: "network_has_no_revoke" | "grant_shared" | null;
                    };
                };
            };
        };
    };
    postWorkspaceChannelAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                channelId: string;
                name: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        /** @description The action's input, as that network's action takes it */
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putWorkspaceChannelAnalytics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "deleteCollected": false
                 *     }
                 */
                "application/json": {
                    /** @description Also delete the counters already collected */
                    deleteCollected?: boolean;
                    enabled: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": 1
                     *     }
                     */
                    "application/json": {
                        deleted: number;
                    };
                };
            };
        };
    };
    putWorkspaceChannelApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approvalRequired": false
                 *     }
                 */
                "application/json": {
                    approvalRequired: boolean | null;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approvalRequired": false,
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "approvalRequired": false,
                     *           "effective": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        approvalRequired: boolean;
                        channels: {
                            /** @description The channel’s own choice; null follows the workspace */
                            approvalRequired: boolean | null;
                            displayName: string | null;
                            /** @description Whether posts to this channel need approval now */
                            effective: boolean;
                            id: string;
                            network: string;
                            username: string | null;
                        }[];
                    };
                };
            };
        };
    };
    getWorkspaceChannelAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceChannelCreatorInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "nickname": "example",
                     *       "username": "herald",
                     *       "avatar": "example",
                     *       "privacyLevelOptions": [
                     *         "example"
                     *       ],
                     *       "commentDisabled": false,
                     *       "duetDisabled": false,
                     *       "stitchDisabled": false,
                     *       "maxVideoPostDurationSec": 1
                     *     }
                     */
                    "application/json": {
                        avatar: string | null;
                        commentDisabled: boolean;
                        duetDisabled: boolean;
                        maxVideoPostDurationSec: number;
                        nickname: string;
                        privacyLevelOptions: string[];
                        stitchDisabled: boolean;
                        username: string;
                    };
                };
            };
        };
    };
    getWorkspaceChannelPreflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getWorkspaceChannelQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "hasPostingTimes": true,
                     *       "posts": [
                     *         {
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "at": "2026-03-14T09:30:00.000Z",
                     *           "state": "example",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "media": {
                     *             "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "kind": "example"
                     *           },
                     *           "mediaCount": 1,
                     *           "pinned": false,
                     *           "channelCount": 1,
                     *           "movable": false
                     *         }
                     *       ],
                     *       "freeSlots": [
                     *         "2026-03-14T09:30:00.000Z"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Posting times no post takes, up to a week after the last queued post (or after now) */
                        freeSlots: string[];
                        hasPostingTimes: boolean;
                        posts: {
                            /** Format: date-time */
                            at: string;
                            channelCount: number;
                            deliveryId: string;
                            /** @description The first media file, for a thumbnail */
                            media: {
                                kind: string;
                                mediaId: string;
                            } | null;
                            mediaCount: number;
                            /** @description Reorder and shuffle may move it (queued, single-channel, not about to go out) */
                            movable: boolean;
                            /** @description Goes to several channels: one time for all of them, so reorder and shuffle leave it where it is */
                            pinned: boolean;
                            postId: string;
                            /** @description queued | publishing | processing */
                            state: string;
                            /** @description The start of the text */
                            text: string;
                        }[];
                        /** @description The workspace zone: days and times are shown in it */
                        timeZone: string;
                    };
                };
            };
        };
    };
    postWorkspaceChannelQueueReorder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "postIds": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ]
                 *     }
                 */
                "application/json": {
                    postIds: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "hasPostingTimes": true,
                     *       "posts": [
                     *         {
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "at": "2026-03-14T09:30:00.000Z",
                     *           "state": "example",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "media": {
                     *             "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "kind": "example"
                     *           },
                     *           "mediaCount": 1,
                     *           "pinned": false,
                     *           "channelCount": 1,
                     *           "movable": false
                     *         }
                     *       ],
                     *       "freeSlots": [
                     *         "2026-03-14T09:30:00.000Z"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Posting times no post takes, up to a week after the last queued post (or after now) */
                        freeSlots: string[];
                        hasPostingTimes: boolean;
                        posts: {
                            /** Format: date-time */
                            at: string;
                            channelCount: number;
                            deliveryId: string;
                            /** @description The first media file, for a thumbnail */
                            media: {
                                kind: string;
                                mediaId: string;
                            } | null;
                            mediaCount: number;
                            /** @description Reorder and shuffle may move it (queued, single-channel, not about to go out) */
                            movable: boolean;
                            /** @description Goes to several channels: one time for all of them, so reorder and shuffle leave it where it is */
                            pinned: boolean;
                            postId: string;
                            /** @description queued | publishing | processing */
                            state: string;
                            /** @description The start of the text */
                            text: string;
                        }[];
                        /** @description The workspace zone: days and times are shown in it */
                        timeZone: string;
                    };
                };
            };
        };
    };
    postWorkspaceChannelQueueShuffle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "hasPostingTimes": true,
                     *       "posts": [
                     *         {
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "deliveryId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "at": "2026-03-14T09:30:00.000Z",
                     *           "state": "example",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "media": {
                     *             "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "kind": "example"
                     *           },
                     *           "mediaCount": 1,
                     *           "pinned": false,
                     *           "channelCount": 1,
                     *           "movable": false
                     *         }
                     *       ],
                     *       "freeSlots": [
                     *         "2026-03-14T09:30:00.000Z"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Posting times no post takes, up to a week after the last queued post (or after now) */
                        freeSlots: string[];
                        hasPostingTimes: boolean;
                        posts: {
                            /** Format: date-time */
                            at: string;
                            channelCount: number;
                            deliveryId: string;
                            /** @description The first media file, for a thumbnail */
                            media: {
                                kind: string;
                                mediaId: string;
                            } | null;
                            mediaCount: number;
                            /** @description Reorder and shuffle may move it (queued, single-channel, not about to go out) */
                            movable: boolean;
                            /** @description Goes to several channels: one time for all of them, so reorder and shuffle leave it where it is */
                            pinned: boolean;
                            postId: string;
                            /** @description queued | publishing | processing */
                            state: string;
                            /** @description The start of the text */
                            text: string;
                        }[];
                        /** @description The workspace zone: days and times are shown in it */
                        timeZone: string;
                    };
                };
            };
        };
    };
    postWorkspaceChannelRefresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "channel": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "network": "example",
                     *         "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "instance": "example",
                     *         "username": "herald",
                     *         "displayName": "Herald",
                     *         "avatarUrl": "https://example.com/spring",
                     *         "avatar": "example",
                     *         "status": "scheduled",
                     *         "statusReason": "example",
                     *         "statusReasonKey": "example",
                     *         "scopesGranted": [
                     *           "example"
                     *         ],
                     *         "limits": {},
                     *         "missingFeatures": [
                     *           "example"
                     *         ],
                     *         "connectedAt": "2026-03-14T09:30:00.000Z",
                     *         "disconnectedAt": "2026-03-14T09:30:00.000Z",
                     *         "purgeAfter": "2026-03-14T09:30:00.000Z",
                     *         "usage": [
                     *           {
                     *             "label": "example",
                     *             "used": 1,
                     *             "limit": 20,
                     *             "resetsAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        channel: {
                            /** @description Herald's copy of the avatar (the browser never loads it from the network) */
                            avatar: string | null;
                            avatarUrl: string | null;
                            /** Format: date-time */
                            connectedAt: string;
                            /** Format: date-time */
                            disconnectedAt: string | null;
                            displayName: string | null;
                            externalId: string;
                            id: string;
                            instance: string | null;
                            /** @description The network's limits for this account, as the composer checks them */
                            limits: {
                                [key: string]: unknown;
                            };
                            missingFeatures: string[];
                            network: string;
                            /** Format: date-time */
                            purgeAfter: string | null;
                            scopesGranted: string[];
                            status: string;
                            /** @description Why the channel is in its status, in the request's language (Accept-Language) */
                            statusReason: string | null;
                            /** @description The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words */
                            statusReasonKey: string | null;
                            /** @description What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any */
                            usage: {
                                label: string;
                                limit: number;
                                /** Format: date-time */
                                resetsAt: string;
                                used: number;
                            }[];
                            username: string | null;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
    };
    getWorkspaceChannelSlots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "slots": [
                     *         {
                     *           "weekday": 1,
                     *           "minute": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        slots: {
                            minute: number;
                            weekday: number;
                        }[];
                    };
                };
            };
        };
    };
    putWorkspaceChannelSlots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "slots": [
                 *         {
                 *           "weekday": 1,
                 *           "minute": 1
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    slots: {
                        minute: number;
                        weekday: number;
                    }[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "slots": [
                     *         {
                     *           "weekday": 1,
                     *           "minute": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        slots: {
                            minute: number;
                            weekday: number;
                        }[];
                    };
                };
            };
        };
    };
    getWorkspaceChannelSlotsUpcoming: {
        parameters: {
            query?: {
                count?: number;
            };
            header?: never;
            path: {
                channelId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "items": [
                     *         "2026-03-14T09:30:00.000Z"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: string[];
                        timeZone: string;
                    };
                };
            };
        };
    };
    postWorkspaceChannelsConnect: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "network": "mastodon",
                 *       "instance": "social.example"
                 *     }
                 */
                "application/json": {
                    /** @description Bluesky: an app password (xxxx-xxxx-xxxx-xxxx), never the account password; without it Bluesky connects through its own sign-in page (atproto OAuth) where this Herald can */
                    appPassword?: string;
                    /** @description Bluesky: handle (alice.bsky.social) or DID; without appPassword also a server address (https://bsky.social) to sign in at through OAuth */
                    identifier?: string;
                    /** @description Mastodon: the server name, e.g. mastodon.social */
                    instance?: string;
                    /** @enum {string} */
                    network: "tiktok" | "mastodon" | "bluesky" | "instagram" | "facebook" | "threads" | "linkedin" | "youtube" | "pinterest" | "reddit" | "x";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "authorizationUrl": "https://social.example/oauth/authorize?response_type=code&client_id=Qx8dWm2R&redirect_uri=https%3A%2F%2Fherald.example.com%2Fapi%2Fv1%2Foauth%2Fcallback%2Fmastodon&scope=read+write&state=Zr4kP1sLw9&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                     *     }
                     */
                    "application/json": {
                        authorizationUrl?: string;
                        channel?: {
                            /** @description Herald's copy of the avatar (the browser never loads it from the network) */
                            avatar: string | null;
                            avatarUrl: string | null;
                            /** Format: date-time */
                            connectedAt: string;
                            /** Format: date-time */
                            disconnectedAt: string | null;
                            displayName: string | null;
                            externalId: string;
                            id: string;
                            instance: string | null;
                            /** @description The network's limits for this account, as the composer checks them */
                            limits: {
                                [key: string]: unknown;
                            };
                            missingFeatures: string[];
                            network: string;
                            /** Format: date-time */
                            purgeAfter: string | null;
                            scopesGranted: string[];
                            status: string;
                            /** @description Why the channel is in its status, in the request's language (Accept-Language) */
                            statusReason: string | null;
                            /** @description The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words */
                            statusReasonKey: string | null;
                            /** @description What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any */
                            usage: {
                                label: string;
                                limit: number;
                                /** Format: date-time */
                                resetsAt: string;
                                used: number;
                            }[];
                            username: string | null;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
    };
    getWorkspaceChannelsSelection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                selectionId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "network": "example",
                     *       "networkLabel": "example",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "accounts": [
                     *         {
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "displayName": "Herald",
                     *           "username": "herald",
                     *           "avatarUrl": "https://example.com/spring",
                     *           "avatar": "example",
                     *           "note": "Share with the newsletter too",
                     *           "alreadyConnected": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        accounts: {
                            /** @description A channel of this workspace already is this account: picking it reconnects that channel in place */
                            alreadyConnected: boolean;
                            /** @description The picture as Herald relays it, so the network never learns who looks at the picker */
                            avatar: string | null;
                            /** @description The network's URL of the picture (the browser is not to load it: see avatar) */
                            avatarUrl: string | null;
                            displayName: string | null;
                            externalId: string;
                            /** @description A short line the network gives about the account (its category, what it is linked to) */
                            note: string | null;
                            username: string | null;
                        }[];
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        network: string;
                        networkLabel: string;
                    };
                };
            };
        };
    };
    postWorkspaceChannelsSelection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                selectionId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "externalIds": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Accounts to connect, by their id at the network, each one of the selection's */
                    externalIds: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "channels": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "instance": "example",
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "avatarUrl": "https://example.com/spring",
                     *           "avatar": "example",
                     *           "status": "scheduled",
                     *           "statusReason": "example",
                     *           "statusReasonKey": "example",
                     *           "scopesGranted": [
                     *             "example"
                     *           ],
                     *           "limits": {},
                     *           "missingFeatures": [
                     *             "example"
                     *           ],
                     *           "connectedAt": "2026-03-14T09:30:00.000Z",
                     *           "disconnectedAt": "2026-03-14T09:30:00.000Z",
                     *           "purgeAfter": "2026-03-14T09:30:00.000Z",
                     *           "usage": [
                     *             {
                     *               "label": "example",
                     *               "used": 1,
                     *               "limit": 20,
                     *               "resetsAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        channels: {
                            /** @description Herald's copy of the avatar (the browser never loads it from the network) */
                            avatar: string | null;
                            avatarUrl: string | null;
                            /** Format: date-time */
                            connectedAt: string;
                            /** Format: date-time */
                            disconnectedAt: string | null;
                            displayName: string | null;
                            externalId: string;
                            id: string;
                            instance: string | null;
                            /** @description The network's limits for this account, as the composer checks them */
                            limits: {
                                [key: string]: unknown;
                            };
                            missingFeatures: string[];
                            network: string;
                            /** Format: date-time */
                            purgeAfter: string | null;
                            scopesGranted: string[];
                            status: string;
                            /** @description Why the channel is in its status, in the request's language (Accept-Language) */
                            statusReason: string | null;
                            /** @description The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words */
                            statusReasonKey: string | null;
                            /** @description What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any */
                            usage: {
                                label: string;
                                limit: number;
                                /** Format: date-time */
                                resetsAt: string;
                                used: number;
                            }[];
                            username: string | null;
                            workspaceId: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteWorkspaceChannelsSelection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                selectionId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    getWorkspaceChannelsSelectionAccountAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                externalId: string;
                selectionId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceFeeds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "feeds": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "url": "https://example.com/hooks/herald",
                     *           "channelIds": [
                     *             "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *           ],
                     *           "mode": "draft",
                     *           "template": "example",
                     *           "intervalMinutes": 1,
                     *           "enabled": true,
                     *           "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "nextCheckAt": "2026-03-14T09:30:00.000Z",
                     *           "lastCheckedAt": "2026-03-14T09:30:00.000Z",
                     *           "lastError": "example",
                     *           "lastNewItemAt": "2026-03-14T09:30:00.000Z",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "updatedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        feeds: {
                            channelIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            intervalMinutes: number;
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            /** @description Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            lastError: string | null;
                            /** Format: date-time */
                            lastNewItemAt: string | null;
                            /** @enum {string} */
                            mode: "draft" | "queue";
                            name: string;
                            /** Format: date-time */
                            nextCheckAt: string;
                            /** @description New posts are made in this member’s name and role (the last one who saved the feed) */
                            ownerUserId: string | null;
                            template: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceFeeds: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "url": "https://example.com/hooks/herald",
                 *       "channelIds": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ],
                 *       "mode": "draft",
                 *       "template": "{title} {link}",
                 *       "intervalMinutes": 60,
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    channelIds: string[];
                    /** @default true */
                    enabled?: boolean;
                    /** @default 60 */
                    intervalMinutes?: number;
                    /**
                     * @default draft
                     * @enum {string}
                     */
                    mode?: "draft" | "queue";
                    name: string;
                    /** @default {title} {link} */
                    template?: string;
                    url: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "url": "https://example.com/hooks/herald",
                     *       "channelIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "mode": "draft",
                     *       "template": "example",
                     *       "intervalMinutes": 1,
                     *       "enabled": true,
                     *       "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "nextCheckAt": "2026-03-14T09:30:00.000Z",
                     *       "lastCheckedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastError": "example",
                     *       "lastNewItemAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        channelIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        id: string;
                        intervalMinutes: number;
                        /** Format: date-time */
                        lastCheckedAt: string | null;
                        /** @description Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                        lastError: string | null;
                        /** Format: date-time */
                        lastNewItemAt: string | null;
                        /** @enum {string} */
                        mode: "draft" | "queue";
                        name: string;
                        /** Format: date-time */
                        nextCheckAt: string;
                        /** @description New posts are made in this member’s name and role (the last one who saved the feed) */
                        ownerUserId: string | null;
                        template: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    getWorkspaceFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "url": "https://example.com/hooks/herald",
                     *       "channelIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "mode": "draft",
                     *       "template": "example",
                     *       "intervalMinutes": 1,
                     *       "enabled": true,
                     *       "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "nextCheckAt": "2026-03-14T09:30:00.000Z",
                     *       "lastCheckedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastError": "example",
                     *       "lastNewItemAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "title": "Spring launch",
                     *           "link": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "outcome": "queued",
                     *           "reason": "example",
                     *           "postGroupId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        channelIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        id: string;
                        intervalMinutes: number;
                        /** @description The 20 items seen last */
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            link: string | null;
                            /**
                             * @description seen: already in the feed when it was added, never posted
                             * @enum {string}
                             */
                            outcome: "queued" | "draft" | "skipped" | "seen" | "pending";
                            postGroupId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            /** @description Why the item became a draft or was skipped, or a note on it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            reason: string | null;
                            title: string;
                        }[];
                        /** Format: date-time */
                        lastCheckedAt: string | null;
                        /** @description Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                        lastError: string | null;
                        /** Format: date-time */
                        lastNewItemAt: string | null;
                        /** @enum {string} */
                        mode: "draft" | "queue";
                        name: string;
                        /** Format: date-time */
                        nextCheckAt: string;
                        /** @description New posts are made in this member’s name and role (the last one who saved the feed) */
                        ownerUserId: string | null;
                        template: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspaceFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "url": "https://example.com/hooks/herald",
                 *       "channelIds": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ],
                 *       "mode": "draft",
                 *       "template": "example",
                 *       "intervalMinutes": 15,
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    channelIds?: string[];
                    enabled?: boolean;
                    intervalMinutes?: number;
                    /** @enum {string} */
                    mode?: "draft" | "queue";
                    name?: string;
                    template?: string;
                    url?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "url": "https://example.com/hooks/herald",
                     *       "channelIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "mode": "draft",
                     *       "template": "example",
                     *       "intervalMinutes": 1,
                     *       "enabled": true,
                     *       "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "nextCheckAt": "2026-03-14T09:30:00.000Z",
                     *       "lastCheckedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastError": "example",
                     *       "lastNewItemAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        channelIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        id: string;
                        intervalMinutes: number;
                        /** Format: date-time */
                        lastCheckedAt: string | null;
                        /** @description Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                        lastError: string | null;
                        /** Format: date-time */
                        lastNewItemAt: string | null;
                        /** @enum {string} */
                        mode: "draft" | "queue";
                        name: string;
                        /** Format: date-time */
                        nextCheckAt: string;
                        /** @description New posts are made in this member’s name and role (the last one who saved the feed) */
                        ownerUserId: string | null;
                        template: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    postWorkspaceFeedCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                feedId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": {
                     *         "status": "ok",
                     *         "queued": 1,
                     *         "drafts": 1,
                     *         "skipped": 1,
                     *         "error": "example"
                     *       },
                     *       "feed": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "url": "https://example.com/hooks/herald",
                     *         "channelIds": [
                     *           "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *         ],
                     *         "mode": "draft",
                     *         "template": "example",
                     *         "intervalMinutes": 1,
                     *         "enabled": true,
                     *         "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "nextCheckAt": "2026-03-14T09:30:00.000Z",
                     *         "lastCheckedAt": "2026-03-14T09:30:00.000Z",
                     *         "lastError": "example",
                     *         "lastNewItemAt": "2026-03-14T09:30:00.000Z",
                     *         "createdAt": "2026-03-14T09:30:00.000Z",
                     *         "updatedAt": "2026-03-14T09:30:00.000Z",
                     *         "items": [
                     *           {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "title": "Spring launch",
                     *             "link": "https://example.com/spring",
                     *             "publishedAt": "2026-03-14T09:30:00.000Z",
                     *             "outcome": "queued",
                     *             "reason": "example",
                     *             "postGroupId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "createdAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        feed: {
                            channelIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            intervalMinutes: number;
                            /** @description The 20 items seen last */
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                link: string | null;
                                /**
                                 * @description seen: already in the feed when it was added, never posted
                                 * @enum {string}
                                 */
                                outcome: "queued" | "draft" | "skipped" | "seen" | "pending";
                                postGroupId: string | null;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @description Why the item became a draft or was skipped, or a note on it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                                reason: string | null;
                                title: string;
                            }[];
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            /** @description Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            lastError: string | null;
                            /** Format: date-time */
                            lastNewItemAt: string | null;
                            /** @enum {string} */
                            mode: "draft" | "queue";
                            name: string;
                            /** Format: date-time */
                            nextCheckAt: string;
                            /** @description New posts are made in this member’s name and role (the last one who saved the feed) */
                            ownerUserId: string | null;
                            template: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        };
                        outcome: {
                            drafts: number;
                            error: string | null;
                            queued: number;
                            skipped: number;
                            /**
                             * @description unchanged: the server answered 304 Not Modified
                             * @enum {string}
                             */
                            status: "ok" | "unchanged" | "failed";
                        };
                    };
                };
            };
        };
    };
    getWorkspaceIdeas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "columns": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "position": 1,
                     *           "ideas": [
                     *             {
                     *               "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "position": 1,
                     *               "title": "Spring launch",
                     *               "body": "Looks good to me, ship it on Thursday.",
                     *               "notes": "Share with the newsletter too",
                     *               "media": [
                     *                 {
                     *                   "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *                   "altText": "example"
                     *                 }
                     *               ],
                     *               "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "postState": "example",
                     *               "createdBy": "example",
                     *               "createdAt": "2026-03-14T09:30:00.000Z",
                     *               "updatedAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        columns: {
                            id: string;
                            ideas: {
                                body: string;
                                columnId: string;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                media: {
                                    altText?: string;
                                    mediaId: string;
                                }[];
                                notes: string;
                                position: number;
                                /** @description The post it was turned into (null when none, or when that post was deleted) */
                                postId: string | null;
                                postState: string | null;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            name: string;
                            position: number;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceIdeas: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *       "title": "Spring launch",
                 *       "body": "Looks good to me, ship it on Thursday.",
                 *       "notes": "Share with the newsletter too",
                 *       "media": [
                 *         {
                 *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *           "altText": "example"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    body?: string;
                    columnId?: string;
                    media?: {
                        altText?: string;
                        mediaId: string;
                    }[];
                    notes?: string;
                    title: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "position": 1,
                     *       "title": "Spring launch",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "notes": "Share with the newsletter too",
                     *       "media": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "altText": "example"
                     *         }
                     *       ],
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postState": "example",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        body: string;
                        columnId: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        media: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        notes: string;
                        position: number;
                        /** @description The post it was turned into (null when none, or when that post was deleted) */
                        postId: string | null;
                        postState: string | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getWorkspaceIdea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ideaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "position": 1,
                     *       "title": "Spring launch",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "notes": "Share with the newsletter too",
                     *       "media": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "altText": "example"
                     *         }
                     *       ],
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postState": "example",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        body: string;
                        columnId: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        media: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        notes: string;
                        position: number;
                        /** @description The post it was turned into (null when none, or when that post was deleted) */
                        postId: string | null;
                        postState: string | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceIdea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ideaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspaceIdea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ideaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Spring launch",
                 *       "body": "Looks good to me, ship it on Thursday.",
                 *       "notes": "Share with the newsletter too",
                 *       "media": [
                 *         {
                 *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *           "altText": "example"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    body?: string;
                    media?: {
                        altText?: string;
                        mediaId: string;
                    }[];
                    notes?: string;
                    title?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "position": 1,
                     *       "title": "Spring launch",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "notes": "Share with the newsletter too",
                     *       "media": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "altText": "example"
                     *         }
                     *       ],
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postState": "example",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        body: string;
                        columnId: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        media: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        notes: string;
                        position: number;
                        /** @description The post it was turned into (null when none, or when that post was deleted) */
                        postId: string | null;
                        postState: string | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    postWorkspaceIdeaLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                ideaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *     }
                 */
                "application/json": {
                    postId: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "position": 1,
                     *       "title": "Spring launch",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "notes": "Share with the newsletter too",
                     *       "media": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "altText": "example"
                     *         }
                     *       ],
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postState": "example",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        body: string;
                        columnId: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        media: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        notes: string;
                        position: number;
                        /** @description The post it was turned into (null when none, or when that post was deleted) */
                        postId: string | null;
                        postState: string | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    postWorkspaceIdeaMove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                ideaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *       "position": 1
                 *     }
                 */
                "application/json": {
                    columnId: string;
                    position: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "position": 1,
                     *       "title": "Spring launch",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "notes": "Share with the newsletter too",
                     *       "media": [
                     *         {
                     *           "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "altText": "example"
                     *         }
                     *       ],
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postState": "example",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        body: string;
                        columnId: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        media: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        notes: string;
                        position: number;
                        /** @description The post it was turned into (null when none, or when that post was deleted) */
                        postId: string | null;
                        postState: string | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    postWorkspaceIdeasColumns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch"
                 *     }
                 */
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "position": 1,
                     *       "ideas": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "position": 1,
                     *           "title": "Spring launch",
                     *           "body": "Looks good to me, ship it on Thursday.",
                     *           "notes": "Share with the newsletter too",
                     *           "media": [
                     *             {
                     *               "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "altText": "example"
                     *             }
                     *           ],
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postState": "example",
                     *           "createdBy": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "updatedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        id: string;
                        ideas: {
                            body: string;
                            columnId: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            media: {
                                altText?: string;
                                mediaId: string;
                            }[];
                            notes: string;
                            position: number;
                            /** @description The post it was turned into (null when none, or when that post was deleted) */
                            postId: string | null;
                            postState: string | null;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        name: string;
                        position: number;
                    };
                };
            };
        };
    };
    deleteWorkspaceIdeasColumn: {
        parameters: {
            query?: {
                moveTo?: string;
            };
            header?: never;
            path: {
                columnId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspaceIdeasColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                columnId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "position": 1
                 *     }
                 */
                "application/json": {
                    name?: string;
                    position?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "columns": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "position": 1,
                     *           "ideas": [
                     *             {
                     *               "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "columnId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "position": 1,
                     *               "title": "Spring launch",
                     *               "body": "Looks good to me, ship it on Thursday.",
                     *               "notes": "Share with the newsletter too",
                     *               "media": [
                     *                 {
                     *                   "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *                   "altText": "example"
                     *                 }
                     *               ],
                     *               "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "postState": "example",
                     *               "createdBy": "example",
                     *               "createdAt": "2026-03-14T09:30:00.000Z",
                     *               "updatedAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        columns: {
                            id: string;
                            ideas: {
                                body: string;
                                columnId: string;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                media: {
                                    altText?: string;
                                    mediaId: string;
                                }[];
                                notes: string;
                                position: number;
                                /** @description The post it was turned into (null when none, or when that post was deleted) */
                                postId: string | null;
                                postState: string | null;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            name: string;
                            position: number;
                        }[];
                    };
                };
            };
        };
    };
    getWorkspaceInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "email": "ada@example.com",
                     *           "role": "editor",
                     *           "status": "scheduled",
                     *           "expiresAt": "2026-03-14T09:30:00.000Z",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "inviterName": "example"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt?: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            inviterName?: string;
                            role: string | null;
                            status: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "role": "admin"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "editor" | "approver" | "viewer";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "email": "ada@example.com",
                     *       "role": "editor",
                     *       "status": "scheduled",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "inviterName": "example",
                     *       "link": "https://example.com/spring"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt?: string;
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        inviterName?: string;
                        link: string;
                        role: string | null;
                        status: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    postWorkspaceLinkPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/herald"
                 *     }
                 */
                "application/json": {
                    url: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://example.com/hooks/herald",
                     *       "finalUrl": "https://example.com/spring",
                     *       "title": "Spring launch",
                     *       "description": "Sends scheduled posts to the team calendar",
                     *       "imageUrl": "https://example.com/spring",
                     *       "canonicalUrl": "https://example.com/spring",
                     *       "siteName": "example"
                     *     }
                     */
                    "application/json": {
                        /** @description og:url, made absolute */
                        canonicalUrl: string | null;
                        /** @description og:description, else twitter:description, else <meta name="description"> */
                        description: string;
                        /** @description Where the redirects ended */
                        finalUrl: string;
                        /** @description og:image, else twitter:image, made absolute */
                        imageUrl: string | null;
                        /** @description og:site_name, else the host name */
                        siteName: string;
                        /** @description og:title, else twitter:title, else <title>; empty when the page has none */
                        title: string;
                        /** @description The link as asked for */
                        url: string;
                    };
                };
            };
        };
    };
    getWorkspaceLinkPreviewImage: {
        parameters: {
            query: {
                url: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putWorkspaceLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logoUrl": "https://example.com/spring"
                     *     }
                     */
                    "application/json": {
                        /** @description Where the logo is served, or null without one */
                        logoUrl: string | null;
                    };
                };
            };
        };
    };
    deleteWorkspaceLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logoUrl": "https://example.com/spring"
                     *     }
                     */
                    "application/json": {
                        /** @description Where the logo is served, or null without one */
                        logoUrl: string | null;
                    };
                };
            };
        };
    };
    getWorkspaceMedia: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                kind?: "image" | "video" | "document";
                /** @description Items per page (default 50, at most 100) */
                limit?: number;
                /** @description Bytes */
                maxSize?: number;
                /** @description Bytes */
                minSize?: number;
                /** @description Words that must all appear in the name, file name or alt text */
                q?: string;
                tag?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "kind": "image",
                     *           "mimeType": "image/jpeg",
                     *           "fileName": "spring.jpg",
                     *           "size": 1,
                     *           "width": 1,
                     *           "height": 1,
                     *           "durationSeconds": 1,
                     *           "videoCodec": "example",
                     *           "frameRate": 1,
                     *           "pageCount": 1,
                     *           "status": "ready",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "deletedAt": "2026-03-14T09:30:00.000Z",
                     *           "url": "https://example.com/hooks/herald",
                     *           "name": "Spring launch",
                     *           "altText": "example",
                     *           "tags": [
                     *             "example"
                     *           ],
                     *           "thumbnailUrl": "https://example.com/spring",
                     *           "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "usedBy": 1
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                            altText: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            deletedAt: string | null;
                            durationSeconds: number | null;
                            fileName: string | null;
                            frameRate: number | null;
                            height: number | null;
                            id: string;
                            /**
                             * @description document: a PDF, for networks that post documents
                             * @enum {string}
                             */
                            kind: "image" | "video" | "document";
                            /** @description Detected from the content, never from the file name */
                            mimeType: string;
                            /** @description The library name (null: shown as the file name) */
                            name: string | null;
                            /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                            pageCount: number | null;
                            /** @description Bytes */
                            size: number;
                            /** @description The file this one was edited from */
                            sourceMediaId: string | null;
                            /**
                             * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                             * @enum {string}
                             */
                            status: "ready" | "deleted";
                            tags: string[];
                            /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                            thumbnailUrl: string | null;
                            /** @description Where the file is served (same session) */
                            url: string;
                            /** @description How many posts use the file (drafts and published ones included) */
                            usedBy: number;
                            /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                            videoCodec: string | null;
                            width: number | null;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    postWorkspaceMedia: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    getWorkspaceMediaLibrary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true
                     *     }
                     */
                    "application/json": {
                        /** @description true: files are kept after publishing until a member deletes them; false (default): deleted once every post using them is published */
                        enabled: boolean;
                    };
                };
            };
        };
    };
    putWorkspaceMediaLibrary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    /** @description true: files are kept after publishing until a member deletes them; false (default): deleted once every post using them is published */
                    enabled: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true
                     *     }
                     */
                    "application/json": {
                        /** @description true: files are kept after publishing until a member deletes them; false (default): deleted once every post using them is published */
                        enabled: boolean;
                    };
                };
            };
        };
    };
    getWorkspaceMediaByMediaId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    deleteWorkspaceMediaByMediaId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    patchWorkspaceMediaByMediaId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "altText": "example",
                 *       "tags": [
                 *         "example"
                 *       ]
                 *     }
                 */
                "application/json": {
                    altText?: string | null;
                    name?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    postWorkspaceMediaByMediaIdEdits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rotate": 0,
                 *       "crop": {
                 *         "left": 1,
                 *         "top": 1,
                 *         "width": 1,
                 *         "height": 1,
                 *         "unit": "px"
                 *       },
                 *       "maxWidth": 16
                 *     }
                 */
                "application/json": {
                    crop?: {
                        height: number;
                        left: number;
                        top: number;
                        /**
                         * @description px: pixels of the rotated image; fraction: 0–1 of its width and height
                         * @default px
                         * @enum {string}
                         */
                        unit?: "px" | "fraction";
                        width: number;
                    };
                    maxWidth?: number;
                    rotate?: 0 | 90 | 180 | 270;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    getWorkspaceMediaByMediaIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceMediaByMediaIdThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putWorkspaceMediaByMediaIdThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    getWorkspaceMediaByMediaIdUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "state": "example",
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "deliveryStates": [
                     *             "example"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description States of the channel versions that use the file */
                            deliveryStates: string[];
                            postId: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            state: string;
                            /** @description The start of the post’s text */
                            text: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceMediaBulkDelete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ids": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ]
                 *     }
                 */
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": [
                     *         "example"
                     *       ],
                     *       "inUse": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "deliveryIds": [
                     *             "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *           ]
                     *         }
                     *       ],
                     *       "notFound": [
                     *         "example"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        deleted: string[];
                        inUse: {
                            deliveryIds: string[];
                            id: string;
                        }[];
                        notFound: string[];
                    };
                };
            };
        };
    };
    getWorkspaceMediaTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "tag": "example",
                     *           "count": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            count: number;
                            tag: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceMediaUploads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    optionsWorkspaceMediaUploads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteWorkspaceMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    optionsWorkspaceMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchWorkspaceMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWorkspaceMediaUploadResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "kind": "image",
                     *       "mimeType": "image/jpeg",
                     *       "fileName": "spring.jpg",
                     *       "size": 1,
                     *       "width": 1,
                     *       "height": 1,
                     *       "durationSeconds": 1,
                     *       "videoCodec": "example",
                     *       "frameRate": 1,
                     *       "pageCount": 1,
                     *       "status": "ready",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "deletedAt": "2026-03-14T09:30:00.000Z",
                     *       "url": "https://example.com/hooks/herald",
                     *       "name": "Spring launch",
                     *       "altText": "example",
                     *       "tags": [
                     *         "example"
                     *       ],
                     *       "thumbnailUrl": "https://example.com/spring",
                     *       "sourceMediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        /** @description Default alt text, offered when the file is added to a post (each post keeps its own) */
                        altText: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        deletedAt: string | null;
                        durationSeconds: number | null;
                        fileName: string | null;
                        frameRate: number | null;
                        height: number | null;
                        id: string;
                        /**
                         * @description document: a PDF, for networks that post documents
                         * @enum {string}
                         */
                        kind: "image" | "video" | "document";
                        /** @description Detected from the content, never from the file name */
                        mimeType: string;
                        /** @description The library name (null: shown as the file name) */
                        name: string | null;
                        /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                        pageCount: number | null;
                        /** @description Bytes */
                        size: number;
                        /** @description The file this one was edited from */
                        sourceMediaId: string | null;
                        /**
                         * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                         * @enum {string}
                         */
                        status: "ready" | "deleted";
                        tags: string[];
                        /** @description A small WebP preview (images: made at upload; videos: the poster frame the uploader sent); null: none */
                        thumbnailUrl: string | null;
                        /** @description Where the file is served (same session) */
                        url: string;
                        /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                        videoCodec: string | null;
                        width: number | null;
                    };
                };
            };
        };
    };
    getWorkspaceMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "userId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "role": "editor",
                     *           "name": "Spring launch",
                     *           "email": "ada@example.com",
                     *           "image": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            image: string | null;
                            name: string;
                            role: string;
                            userId: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteWorkspaceMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    patchWorkspaceMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "editor" | "approver" | "viewer";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    getWorkspaceOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "steps": [
                     *         {
                     *           "id": "connect_channel",
                     *           "done": false
                     *         }
                     *       ],
                     *       "allDone": false,
                     *       "dismissedAt": "2026-03-14T09:30:00.000Z",
                     *       "show": false
                     *     }
                     */
                    "application/json": {
                        allDone: boolean;
                        /** Format: date-time */
                        dismissedAt: string | null;
                        /** @description Not all done and not dismissed: the web app shows the checklist */
                        show: boolean;
                        /** @description In the order to do them; done is read from the data */
                        steps: {
                            done: boolean;
                            /** @enum {string} */
                            id: "connect_channel" | "posting_times" | "invite_team" | "first_post";
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceOnboardingDismiss: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "steps": [
                     *         {
                     *           "id": "connect_channel",
                     *           "done": false
                     *         }
                     *       ],
                     *       "allDone": false,
                     *       "dismissedAt": "2026-03-14T09:30:00.000Z",
                     *       "show": false
                     *     }
                     */
                    "application/json": {
                        allDone: boolean;
                        /** Format: date-time */
                        dismissedAt: string | null;
                        /** @description Not all done and not dismissed: the web app shows the checklist */
                        show: boolean;
                        /** @description In the order to do them; done is read from the data */
                        steps: {
                            done: boolean;
                            /** @enum {string} */
                            id: "connect_channel" | "posting_times" | "invite_team" | "first_post";
                        }[];
                    };
                };
            };
        };
    };
    getWorkspacePosts: {
        parameters: {
            query?: {
                channelId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                from?: unknown;
                /** @description Items per page (default 100, at most 500) */
                limit?: number;
                /** @description Comma-separated post states */
                state?: string;
                to?: unknown;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "po_5Kd9wE3r",
                     *           "workspaceId": "ws_7Hc2kQ9v",
                     *           "state": "scheduled",
                     *           "content": {
                     *             "text": "Our spring collection is live: 40 new pieces, made to last. Shop the collection at https://example.com/spring 🌱",
                     *             "media": [
                     *               {
                     *                 "mediaId": "md_2Fq8zN1c",
                     *                 "altText": "Three linen shirts on a wooden rail"
                     *               }
                     *             ]
                     *           },
                     *           "publishAt": "2026-03-16T08:00:00.000Z",
                     *           "timeZone": "Europe/Paris",
                     *           "createdBy": "us_1Ab4cD7e",
                     *           "createdAt": "2026-03-12T15:42:10.000Z",
                     *           "updatedAt": "2026-03-12T15:42:10.000Z",
                     *           "review": {
                     *             "overdue": false,
                     *             "approvedAt": null,
                     *             "approvedByName": null
                     *           },
                     *           "deliveries": [
                     *             {
                     *               "id": "dl_8Mn2bV5x",
                     *               "channelId": "ch_4Tb8xR2m",
                     *               "network": "mastodon",
                     *               "channel": {
                     *                 "username": "fernandfield",
                     *                 "displayName": "Fern & Field",
                     *                 "status": "ok",
                     *                 "avatar": null
                     *               },
                     *               "state": "queued",
                     *               "content": null,
                     *               "settings": {
                     *                 "visibility": "public"
                     *               },
                     *               "dueAt": "2026-03-16T08:00:00.000Z",
                     *               "nextAttemptAt": "2026-03-16T08:00:00.000Z",
                     *               "attemptCount": 0,
                     *               "late": false,
                     *               "paused": false,
                     *               "externalId": null,
                     *               "externalUrl": null,
                     *               "publishedAt": null,
                     *               "publishedBy": null,
                     *               "errorCode": null,
                     *               "errorMessage": null,
                     *               "actions": [
                     *                 "cancel"
                     *               ],
                     *               "metrics": null
                     *             },
                     *             {
                     *               "id": "dl_3Qw7eR1t",
                     *               "channelId": "ch_9Lp3sW6d",
                     *               "network": "bluesky",
                     *               "channel": {
                     *                 "username": "fernandfield",
                     *                 "displayName": "Fern & Field",
                     *                 "status": "ok",
                     *                 "avatar": null
                     *               },
                     *               "state": "queued",
                     *               "content": {
                     *                 "text": "Spring collection is live: 40 new pieces, made to last 🌱 https://example.com/spring"
                     *               },
                     *               "settings": {},
                     *               "dueAt": "2026-03-16T08:00:00.000Z",
                     *               "nextAttemptAt": "2026-03-16T08:00:00.000Z",
                     *               "attemptCount": 0,
                     *               "late": false,
                     *               "paused": false,
                     *               "externalId": null,
                     *               "externalUrl": null,
                     *               "publishedAt": null,
                     *               "publishedBy": null,
                     *               "errorCode": null,
                     *               "errorMessage": null,
                     *               "actions": [
                     *                 "cancel"
                     *               ],
                     *               "metrics": null
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTZUMDg6MDA6MDAuMDAwWiIsImlkIjoicG9fNUtkOXdFM3IifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            content: unknown;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                actions: string[];
                                attemptCount: number;
                                channel: {
                                    avatar: string | null;
                                    displayName: string | null;
                                    status: string;
                                    username: string | null;
                                } | null;
                                channelId: string;
                                content: unknown;
                                /** Format: date-time */
                                dueAt: string | null;
                                errorCode: string | null;
                                errorMessage: string | null;
                                externalId: string | null;
                                externalUrl: string | null;
                                id: string;
                                late: boolean;
                                /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                                metrics: {
                                    comments: number | null;
                                    extra: {
                                        [key: string]: number;
                                    };
                                    /** Format: date-time */
                                    fetchedAt: string;
                                    likes: number | null;
                                    reach: number | null;
                                    shares: number | null;
                                    views: number | null;
                                } | null;
                                network: string;
                                /** Format: date-time */
                                nextAttemptAt: string | null;
                                /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                                paused: boolean;
                                /** Format: date-time */
                                publishedAt: string | null;
                                publishedBy: string | null;
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                                state: string;
                            }[];
                            id: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            /** @description Approval: who approved it and when, and whether its time passed in review */
                            review: {
                                /** Format: date-time */
                                approvedAt: string | null;
                                approvedByName: string | null;
                                /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                                overdue: boolean;
                            };
                            /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                            state: string;
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            workspaceId: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    postWorkspacePosts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": {
                 *         "text": "Our spring collection is live: 40 new pieces, made to last. Shop the collection at https://example.com/spring 🌱",
                 *         "media": [
                 *           {
                 *             "mediaId": "md_2Fq8zN1c",
                 *             "altText": "Three linen shirts on a wooden rail"
                 *           }
                 *         ]
                 *       },
                 *       "channels": [
                 *         {
                 *           "channelId": "ch_4Tb8xR2m",
                 *           "settings": {
                 *             "visibility": "public"
                 *           }
                 *         },
                 *         {
                 *           "channelId": "ch_9Lp3sW6d",
                 *           "text": "Spring collection is live: 40 new pieces, made to last 🌱 https://example.com/spring",
                 *           "settings": {}
                 *         }
                 *       ],
                 *       "schedule": {
                 *         "mode": "at",
                 *         "publishAt": "2026-03-16T09:00:00+01:00",
                 *         "timeZone": "Europe/Paris"
                 *       }
                 *     }
                 */
                "application/json": {
                    channels: {
                        channelId: string;
                        firstComment?: string | null;
                        media?: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        /** @description Network settings: TikTok privacyLevel, mode (direct|inbox), disableComment…; Mastodon visibility, spoilerText; Bluesky langs */
                        settings?: {
                            [key: string]: unknown;
                        };
                        text?: string;
                        threadParts?: {
                            /** @default [] */
                            media?: {
                                altText?: string;
                                mediaId: string;
                            }[];
                            /** @default  */
                            text?: string;
                        }[];
                        /** @description Campaign tags added to every link of this channel's text (and card) when it is published; tags a link already has stay */
                        utm?: {
                            /** @description utm_campaign */
                            campaign?: string;
                            /** @description utm_medium */
                            medium?: string;
                            /** @description utm_source; the network name when empty */
                            source?: string;
                        } | null;
                    }[];
                    /** @description What every channel posts unless its own entry overrides it */
                    content: {
                        firstComment?: string | null;
                        /** @description The link's preview card as the user edited it (from POST …/link-preview); sent where the network builds cards from the client's data (Bluesky, LinkedIn, Facebook) */
                        linkCard?: {
                            description: string;
                            imageUrl: string | null;
                            title: string;
                            url: string;
                        } | null;
                        /** @default [] */
                        media?: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        /** @default  */
                        text?: string;
                        /** @default [] */
                        threadParts?: {
                            /** @default [] */
                            media?: {
                                altText?: string;
                                mediaId: string;
                            }[];
                            /** @default  */
                            text?: string;
                        }[];
                    };
                    /**
                     * @description draft: no time; now: publish at once; at: at publishAt; queue: the next free time slot of the channels
                     * @default {
                     *       "mode": "draft"
                     *     }
                     */
                    schedule?: {
                        /** @enum {string} */
                        mode: "draft";
                        /**
                         * Format: date-time
                         * @description A planned time: the draft shows on the calendar, nothing is sent
                         */
                        publishAt?: string;
                        timeZone?: string;
                    } | {
                        /** @enum {string} */
                        mode: "now";
                    } | {
                        /** @enum {string} */
                        mode: "at";
                        /** Format: date-time */
                        publishAt: string;
                        /** @description The IANA zone the time was picked in, e.g. Europe/Berlin */
                        timeZone: string;
                    } | {
                        /** @enum {string} */
                        mode: "queue";
                        timeZone?: string;
                    };
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "po_5Kd9wE3r",
                     *       "workspaceId": "ws_7Hc2kQ9v",
                     *       "state": "scheduled",
                     *       "content": {
                     *         "text": "Our spring collection is live: 40 new pieces, made to last. Shop the collection at https://example.com/spring 🌱",
                     *         "media": [
                     *           {
                     *             "mediaId": "md_2Fq8zN1c",
                     *             "altText": "Three linen shirts on a wooden rail"
                     *           }
                     *         ]
                     *       },
                     *       "publishAt": "2026-03-16T08:00:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "us_1Ab4cD7e",
                     *       "createdAt": "2026-03-12T15:42:10.000Z",
                     *       "updatedAt": "2026-03-12T15:42:10.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": null,
                     *         "approvedByName": null
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "dl_8Mn2bV5x",
                     *           "channelId": "ch_4Tb8xR2m",
                     *           "network": "mastodon",
                     *           "channel": {
                     *             "username": "fernandfield",
                     *             "displayName": "Fern & Field",
                     *             "status": "ok",
                     *             "avatar": null
                     *           },
                     *           "state": "queued",
                     *           "content": null,
                     *           "settings": {
                     *             "visibility": "public"
                     *           },
                     *           "dueAt": "2026-03-16T08:00:00.000Z",
                     *           "nextAttemptAt": "2026-03-16T08:00:00.000Z",
                     *           "attemptCount": 0,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": null,
                     *           "externalUrl": null,
                     *           "publishedAt": null,
                     *           "publishedBy": null,
                     *           "errorCode": null,
                     *           "errorMessage": null,
                     *           "actions": [
                     *             "cancel"
                     *           ],
                     *           "metrics": null
                     *         },
                     *         {
                     *           "id": "dl_3Qw7eR1t",
                     *           "channelId": "ch_9Lp3sW6d",
                     *           "network": "bluesky",
                     *           "channel": {
                     *             "username": "fernandfield",
                     *             "displayName": "Fern & Field",
                     *             "status": "ok",
                     *             "avatar": null
                     *           },
                     *           "state": "queued",
                     *           "content": {
                     *             "text": "Spring collection is live: 40 new pieces, made to last 🌱 https://example.com/spring"
                     *           },
                     *           "settings": {},
                     *           "dueAt": "2026-03-16T08:00:00.000Z",
                     *           "nextAttemptAt": "2026-03-16T08:00:00.000Z",
                     *           "attemptCount": 0,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": null,
                     *           "externalUrl": null,
                     *           "publishedAt": null,
                     *           "publishedBy": null,
                     *           "errorCode": null,
                     *           "errorMessage": null,
                     *           "actions": [
                     *             "cancel"
                     *           ],
                     *           "metrics": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    getWorkspacePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    deleteWorkspacePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspacePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": {
                 *         "text": "",
                 *         "media": [],
                 *         "threadParts": [],
                 *         "firstComment": "example",
                 *         "linkCard": {
                 *           "url": "https://example.com/hooks/herald",
                 *           "title": "Spring launch",
                 *           "description": "Sends scheduled posts to the team calendar",
                 *           "imageUrl": "https://example.com/spring"
                 *         }
                 *       },
                 *       "channels": [
                 *         {
                 *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                 *           "media": [
                 *             {
                 *               "mediaId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *               "altText": "example"
                 *             }
                 *           ],
                 *           "threadParts": [
                 *             {
                 *               "text": "",
                 *               "media": []
                 *             }
                 *           ],
                 *           "firstComment": "example",
                 *           "settings": {},
                 *           "utm": {
                 *             "source": "example",
                 *             "medium": "example",
                 *             "campaign": "example"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    channels: {
                        channelId: string;
                        firstComment?: string | null;
                        media?: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        /** @description Network settings: TikTok privacyLevel, mode (direct|inbox), disableComment…; Mastodon visibility, spoilerText; Bluesky langs */
                        settings?: {
                            [key: string]: unknown;
                        };
                        text?: string;
                        threadParts?: {
                            /** @default [] */
                            media?: {
                                altText?: string;
                                mediaId: string;
                            }[];
                            /** @default  */
                            text?: string;
                        }[];
                        /** @description Campaign tags added to every link of this channel's text (and card) when it is published; tags a link already has stay */
                        utm?: {
                            /** @description utm_campaign */
                            campaign?: string;
                            /** @description utm_medium */
                            medium?: string;
                            /** @description utm_source; the network name when empty */
                            source?: string;
                        } | null;
                    }[];
                    /** @description What every channel posts unless its own entry overrides it */
                    content: {
                        firstComment?: string | null;
                        /** @description The link's preview card as the user edited it (from POST …/link-preview); sent where the network builds cards from the client's data (Bluesky, LinkedIn, Facebook) */
                        linkCard?: {
                            description: string;
                            imageUrl: string | null;
                            title: string;
                            url: string;
                        } | null;
                        /** @default [] */
                        media?: {
                            altText?: string;
                            mediaId: string;
                        }[];
                        /** @default  */
                        text?: string;
                        /** @default [] */
                        threadParts?: {
                            /** @default [] */
                            media?: {
                                altText?: string;
                                mediaId: string;
                            }[];
                            /** @default  */
                            text?: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    postWorkspacePostCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    getWorkspacePostComments: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "body": "Looks good to me, ship it on Thursday.",
                     *           "author": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "name": "Spring launch",
                     *             "image": "example"
                     *           },
                     *           "mentions": [
                     *             {
                     *               "userId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "name": "Spring launch"
                     *             }
                     *           ],
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "editedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            author: {
                                /** @description null once the author deleted their account */
                                id: string | null;
                                image: string | null;
                                /** @description "Former member" once the account is gone */
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            editedAt: string | null;
                            id: string;
                            mentions: {
                                name: string;
                                userId: string;
                            }[];
                            postId: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    postWorkspacePostComments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Looks good to me, ship it on Thursday.",
                 *       "mentions": []
                 *     }
                 */
                "application/json": {
                    body: string;
                    /**
                     * @description User ids of the members mentioned with @ (each is told once)
                     * @default []
                     */
                    mentions?: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "author": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "image": "example"
                     *       },
                     *       "mentions": [
                     *         {
                     *           "userId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch"
                     *         }
                     *       ],
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "editedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        author: {
                            /** @description null once the author deleted their account */
                            id: string | null;
                            image: string | null;
                            /** @description "Former member" once the account is gone */
                            name: string;
                        };
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        editedAt: string | null;
                        id: string;
                        mentions: {
                            name: string;
                            userId: string;
                        }[];
                        postId: string;
                    };
                };
            };
        };
    };
    deleteWorkspacePostComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commentId: string;
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": false
                     *     }
                     */
                    "application/json": {
                        deleted: boolean;
                    };
                };
            };
        };
    };
    patchWorkspacePostComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commentId: string;
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Looks good to me, ship it on Thursday.",
                 *       "mentions": []
                 *     }
                 */
                "application/json": {
                    body: string;
                    /**
                     * @description User ids of the members mentioned with @ (each is told once)
                     * @default []
                     */
                    mentions?: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "body": "Looks good to me, ship it on Thursday.",
                     *       "author": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "image": "example"
                     *       },
                     *       "mentions": [
                     *         {
                     *           "userId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch"
                     *         }
                     *       ],
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "editedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        author: {
                            /** @description null once the author deleted their account */
                            id: string | null;
                            image: string | null;
                            /** @description "Former member" once the account is gone */
                            name: string;
                        };
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        editedAt: string | null;
                        id: string;
                        mentions: {
                            name: string;
                            userId: string;
                        }[];
                        postId: string;
                    };
                };
            };
        };
    };
    getWorkspacePostDeliveryLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "network": "example",
                     *         "channel": {
                     *           "username": "herald",
                     *           "displayName": "Herald",
                     *           "status": "scheduled",
                     *           "avatar": "example"
                     *         },
                     *         "state": "example",
                     *         "content": {},
                     *         "settings": {},
                     *         "dueAt": "2026-03-14T09:30:00.000Z",
                     *         "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *         "attemptCount": 1,
                     *         "late": false,
                     *         "paused": false,
                     *         "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "externalUrl": "https://example.com/spring",
                     *         "publishedAt": "2026-03-14T09:30:00.000Z",
                     *         "publishedBy": "example",
                     *         "errorCode": "example",
                     *         "errorMessage": "example",
                     *         "actions": [
                     *           "example"
                     *         ],
                     *         "metrics": {
                     *           "views": 1,
                     *           "likes": 1,
                     *           "comments": 1,
                     *           "shares": 1,
                     *           "reach": 1,
                     *           "extra": {},
                     *           "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       },
                     *       "attempts": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "number": 1,
                     *           "kind": "example",
                     *           "startedAt": "2026-03-14T09:30:00.000Z",
                     *           "finishedAt": "2026-03-14T09:30:00.000Z",
                     *           "outcome": "example",
                     *           "steps": [
                     *             {
                     *               "at": "example",
                     *               "step": "example",
                     *               "request": {},
                     *               "response": {}
                     *             }
                     *           ],
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "retryAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        attempts: {
                            errorCode: string | null;
                            errorMessage: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                            id: string;
                            kind: string;
                            number: number;
                            outcome: string | null;
                            /** Format: date-time */
                            retryAt: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            steps: {
                                at: string;
                                request?: unknown;
                                response?: unknown;
                                step: string;
                            }[];
                        }[];
                        delivery: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        };
                    };
                };
            };
        };
    };
    postWorkspacePostDeliveryMarkPublished: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                deliveryId: string;
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description The post at the network: an absolute http(s) link */
                    url?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    postWorkspacePostDeliveryRetry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                deliveryId: string;
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    confirmedAbsent?: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    postWorkspacePostDuplicate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "post": {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "state": "example",
                     *         "content": {},
                     *         "publishAt": "2026-03-14T09:30:00.000Z",
                     *         "timeZone": "Europe/Paris",
                     *         "createdBy": "example",
                     *         "createdAt": "2026-03-14T09:30:00.000Z",
                     *         "updatedAt": "2026-03-14T09:30:00.000Z",
                     *         "review": {
                     *           "overdue": false,
                     *           "approvedAt": "2026-03-14T09:30:00.000Z",
                     *           "approvedByName": "example"
                     *         },
                     *         "deliveries": [
                     *           {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "network": "example",
                     *             "channel": {
                     *               "username": "herald",
                     *               "displayName": "Herald",
                     *               "status": "scheduled",
                     *               "avatar": "example"
                     *             },
                     *             "state": "example",
                     *             "content": {},
                     *             "settings": {},
                     *             "dueAt": "2026-03-14T09:30:00.000Z",
                     *             "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *             "attemptCount": 1,
                     *             "late": false,
                     *             "paused": false,
                     *             "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "externalUrl": "https://example.com/spring",
                     *             "publishedAt": "2026-03-14T09:30:00.000Z",
                     *             "publishedBy": "example",
                     *             "errorCode": "example",
                     *             "errorMessage": "example",
                     *             "actions": [
                     *               "example"
                     *             ],
                     *             "metrics": {
                     *               "views": 1,
                     *               "likes": 1,
                     *               "comments": 1,
                     *               "shares": 1,
                     *               "reach": 1,
                     *               "extra": {},
                     *               "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "left": {
                     *         "media": 1,
                     *         "channels": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        left: {
                            /** @description Channels disconnected since */
                            channels: number;
                            /** @description Files no longer kept (deleted after publishing) */
                            media: number;
                        };
                        post: {
                            content: unknown;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                actions: string[];
                                attemptCount: number;
                                channel: {
                                    avatar: string | null;
                                    displayName: string | null;
                                    status: string;
                                    username: string | null;
                                } | null;
                                channelId: string;
                                content: unknown;
                                /** Format: date-time */
                                dueAt: string | null;
                                errorCode: string | null;
                                errorMessage: string | null;
                                externalId: string | null;
                                externalUrl: string | null;
                                id: string;
                                late: boolean;
                                /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                                metrics: {
                                    comments: number | null;
                                    extra: {
                                        [key: string]: number;
                                    };
                                    /** Format: date-time */
                                    fetchedAt: string;
                                    likes: number | null;
                                    reach: number | null;
                                    shares: number | null;
                                    views: number | null;
                                } | null;
                                network: string;
                                /** Format: date-time */
                                nextAttemptAt: string | null;
                                /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                                paused: boolean;
                                /** Format: date-time */
                                publishedAt: string | null;
                                publishedBy: string | null;
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                                state: string;
                            }[];
                            id: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            /** @description Approval: who approved it and when, and whether its time passed in review */
                            review: {
                                /** Format: date-time */
                                approvedAt: string | null;
                                approvedByName: string | null;
                                /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                                overdue: boolean;
                            };
                            /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                            state: string;
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
    };
    getWorkspacePostEvergreen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "evergreen": {
                     *         "enabled": true,
                     *         "everyDays": 1,
                     *         "maxTimes": 1,
                     *         "variations": [
                     *           "example"
                     *         ],
                     *         "recycledCount": 1,
                     *         "lastRecycledAt": "2026-03-14T09:30:00.000Z",
                     *         "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "skipReason": "example",
                     *         "skippedAt": "2026-03-14T09:30:00.000Z",
                     *         "createdAt": "2026-03-14T09:30:00.000Z",
                     *         "updatedAt": "2026-03-14T09:30:00.000Z",
                     *         "copies": [
                     *           {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "state": "example",
                     *             "publishAt": "2026-03-14T09:30:00.000Z",
                     *             "createdAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         ]
                     *       },
                     *       "recycledFrom": "example"
                     *     }
                     */
                    "application/json": {
                        evergreen: {
                            /** @description The copies made, oldest first */
                            copies: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                /** Format: date-time */
                                publishAt: string | null;
                                state: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            everyDays: number;
                            /** Format: date-time */
                            lastRecycledAt: string | null;
                            maxTimes: number;
                            /** @description Copies are made in this member’s name and role (the last one who saved the setting) */
                            ownerUserId: string | null;
                            /** @description Copies made so far */
                            recycledCount: number;
                            /** Format: date-time */
                            skippedAt: string | null;
                            /** @description Why the last due copy was not made (e.g. the channel is disconnected); null when nothing stops it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            skipReason: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            variations: string[];
                        } | null;
                        /** @description The evergreen post this one is a copy of */
                        recycledFrom: string | null;
                    };
                };
            };
        };
    };
    putWorkspacePostEvergreen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "everyDays": 1,
                 *       "maxTimes": 1,
                 *       "variations": []
                 *     }
                 */
                "application/json": {
                    /** @description A copy is queued once this many days have passed since the post (or its last copy) went out */
                    everyDays: number;
                    /** @description At most this many copies in all */
                    maxTimes: number;
                    /**
                     * @description Texts the copies use in turn (the first copy the first one); none: the copies keep the original text
                     * @default []
                     */
                    variations?: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true,
                     *       "everyDays": 1,
                     *       "maxTimes": 1,
                     *       "variations": [
                     *         "example"
                     *       ],
                     *       "recycledCount": 1,
                     *       "lastRecycledAt": "2026-03-14T09:30:00.000Z",
                     *       "ownerUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "skipReason": "example",
                     *       "skippedAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "copies": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "state": "example",
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description The copies made, oldest first */
                        copies: {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            state: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        everyDays: number;
                        /** Format: date-time */
                        lastRecycledAt: string | null;
                        maxTimes: number;
                        /** @description Copies are made in this member’s name and role (the last one who saved the setting) */
                        ownerUserId: string | null;
                        /** @description Copies made so far */
                        recycledCount: number;
                        /** Format: date-time */
                        skippedAt: string | null;
                        /** @description Why the last due copy was not made (e.g. the channel is disconnected); null when nothing stops it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                        skipReason: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        variations: string[];
                    };
                };
            };
        };
    };
    deleteWorkspacePostEvergreen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    postWorkspacePostReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "approve",
                 *       "comment": "example",
                 *       "publishAt": "2026-03-14T09:30:00.000Z",
                 *       "timeZone": "Europe/Paris"
                 *     }
                 */
                "application/json": {
                    /** @description Required to request changes */
                    comment?: string;
                    /** @enum {string} */
                    decision: "approve" | "request_changes";
                    /**
                     * Format: date-time
                     * @description A new time, when the planned one passed
                     */
                    publishAt?: string;
                    timeZone?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *     }
                     */
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getWorkspacePostReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "decision": "example",
                     *           "comment": "example",
                     *           "actorName": "example",
                     *           "actorUserId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "viaLink": false,
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            actorName: string;
                            actorUserId: string | null;
                            comment: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description submitted | approved | changes_requested | reopened */
                            decision: string;
                            id: string;
                            /** @description Decided through a review link by its named recipient */
                            viaLink: boolean;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspacePostSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                postId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        /** @description draft: no time; now: publish at once; at: at publishAt; queue: the next free time slot of the channels */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "draft",
                 *       "publishAt": "2026-03-14T09:30:00.000Z",
                 *       "timeZone": "Europe/Paris"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    mode: "draft";
                    /**
                     * Format: date-time
                     * @description A planned time: the draft shows on the calendar, nothing is sent
                     */
                    publishAt?: string;
                    timeZone?: string;
                } | {
                    /** @enum {string} */
                    mode: "now";
                } | {
                    /** @enum {string} */
                    mode: "at";
                    /** Format: date-time */
                    publishAt: string;
                    /** @description The IANA zone the time was picked in, e.g. Europe/Berlin */
                    timeZone: string;
                } | {
                    /** @enum {string} */
                    mode: "queue";
                    timeZone?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "state": "example",
                     *       "content": {},
                     *       "publishAt": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "review": {
                     *         "overdue": false,
                     *         "approvedAt": "2026-03-14T09:30:00.000Z",
                     *         "approvedByName": "example"
                     *       },
                     *       "deliveries": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        content: unknown;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        deliveries: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                        id: string;
                        /** Format: date-time */
                        publishAt: string | null;
                        /** @description Approval: who approved it and when, and whether its time passed in review */
                        review: {
                            /** Format: date-time */
                            approvedAt: string | null;
                            approvedByName: string | null;
                            /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                            overdue: boolean;
                        };
                        /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                        state: string;
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                        workspaceId: string;
                    };
                };
            };
        };
    };
    getWorkspacePostsDrafts: {
        parameters: {
            query?: {
                /** @description Only drafts this member wrote */
                authorId?: string;
                channelId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "workspaceId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "state": "example",
                     *           "content": {},
                     *           "publishAt": "2026-03-14T09:30:00.000Z",
                     *           "timeZone": "Europe/Paris",
                     *           "createdBy": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "updatedAt": "2026-03-14T09:30:00.000Z",
                     *           "review": {
                     *             "overdue": false,
                     *             "approvedAt": "2026-03-14T09:30:00.000Z",
                     *             "approvedByName": "example"
                     *           },
                     *           "deliveries": [
                     *             {
                     *               "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "network": "example",
                     *               "channel": {
                     *                 "username": "herald",
                     *                 "displayName": "Herald",
                     *                 "status": "scheduled",
                     *                 "avatar": "example"
                     *               },
                     *               "state": "example",
                     *               "content": {},
                     *               "settings": {},
                     *               "dueAt": "2026-03-14T09:30:00.000Z",
                     *               "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *               "attemptCount": 1,
                     *               "late": false,
                     *               "paused": false,
                     *               "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *               "externalUrl": "https://example.com/spring",
                     *               "publishedAt": "2026-03-14T09:30:00.000Z",
                     *               "publishedBy": "example",
                     *               "errorCode": "example",
                     *               "errorMessage": "example",
                     *               "actions": [
                     *                 "example"
                     *               ],
                     *               "metrics": {
                     *                 "views": 1,
                     *                 "likes": 1,
                     *                 "comments": 1,
                     *                 "shares": 1,
                     *                 "reach": 1,
                     *                 "extra": {},
                     *                 "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            content: unknown;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            deliveries: {
                                actions: string[];
                                attemptCount: number;
                                channel: {
                                    avatar: string | null;
                                    displayName: string | null;
                                    status: string;
                                    username: string | null;
                                } | null;
                                channelId: string;
                                content: unknown;
                                /** Format: date-time */
                                dueAt: string | null;
                                errorCode: string | null;
                                errorMessage: string | null;
                                externalId: string | null;
                                externalUrl: string | null;
                                id: string;
                                late: boolean;
                                /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                                metrics: {
                                    comments: number | null;
                                    extra: {
                                        [key: string]: number;
                                    };
                                    /** Format: date-time */
                                    fetchedAt: string;
                                    likes: number | null;
                                    reach: number | null;
                                    shares: number | null;
                                    views: number | null;
                                } | null;
                                network: string;
                                /** Format: date-time */
                                nextAttemptAt: string | null;
                                /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                                paused: boolean;
                                /** Format: date-time */
                                publishedAt: string | null;
                                publishedBy: string | null;
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                                state: string;
                            }[];
                            id: string;
                            /** Format: date-time */
                            publishAt: string | null;
                            /** @description Approval: who approved it and when, and whether its time passed in review */
                            review: {
                                /** Format: date-time */
                                approvedAt: string | null;
                                approvedByName: string | null;
                                /** @description Its planned time passed while in review: it will not go out until approved with a new time */
                                overdue: boolean;
                            };
                            /** @description draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled */
                            state: string;
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            workspaceId: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getWorkspacePostsNeedsAttention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "channelId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "network": "example",
                     *           "channel": {
                     *             "username": "herald",
                     *             "displayName": "Herald",
                     *             "status": "scheduled",
                     *             "avatar": "example"
                     *           },
                     *           "state": "example",
                     *           "content": {},
                     *           "settings": {},
                     *           "dueAt": "2026-03-14T09:30:00.000Z",
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "attemptCount": 1,
                     *           "late": false,
                     *           "paused": false,
                     *           "externalId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "externalUrl": "https://example.com/spring",
                     *           "publishedAt": "2026-03-14T09:30:00.000Z",
                     *           "publishedBy": "example",
                     *           "errorCode": "example",
                     *           "errorMessage": "example",
                     *           "actions": [
                     *             "example"
                     *           ],
                     *           "metrics": {
                     *             "views": 1,
                     *             "likes": 1,
                     *             "comments": 1,
                     *             "shares": 1,
                     *             "reach": 1,
                     *             "extra": {},
                     *             "fetchedAt": "2026-03-14T09:30:00.000Z"
                     *           },
                     *           "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        count: number;
                        items: {
                            actions: string[];
                            attemptCount: number;
                            channel: {
                                avatar: string | null;
                                displayName: string | null;
                                status: string;
                                username: string | null;
                            } | null;
                            channelId: string;
                            content: unknown;
                            /** Format: date-time */
                            dueAt: string | null;
                            errorCode: string | null;
                            errorMessage: string | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            late: boolean;
                            /** @description The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null. */
                            metrics: {
                                comments: number | null;
                                extra: {
                                    [key: string]: number;
                                };
                                /** Format: date-time */
                                fetchedAt: string;
                                likes: number | null;
                                reach: number | null;
                                shares: number | null;
                                views: number | null;
                            } | null;
                            network: string;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description Waiting because the user who connected the channel paused processing; it goes out when they resume */
                            paused: boolean;
                            postId: string;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            state: string;
                        }[];
                    };
                };
            };
        };
    };
    getWorkspacePreflightSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preflightMinutes": 1
                     *     }
                     */
                    "application/json": {
                        /** @description How long before a scheduled post Herald checks what would make it fail and warns; 0 turns the check off */
                        preflightMinutes: number;
                    };
                };
            };
        };
    };
    putWorkspacePreflightSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "preflightMinutes": 1
                 *     }
                 */
                "application/json": {
                    /** @description How long before a scheduled post Herald checks what would make it fail and warns; 0 turns the check off */
                    preflightMinutes: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preflightMinutes": 1
                     *     }
                     */
                    "application/json": {
                        /** @description How long before a scheduled post Herald checks what would make it fail and warns; 0 turns the check off */
                        preflightMinutes: number;
                    };
                };
            };
        };
    };
    getWorkspaceQueueNext: {
        parameters: {
            query?: {
                /** @description Comma-separated channel ids */
                channelIds?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2026-03-14T09:30:00.000Z",
                     *       "timeZone": "Europe/Paris"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        at: string | null;
                        timeZone: string;
                    };
                };
            };
        };
    };
    getWorkspaceReviewLinks: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description posts: links for chosen posts; range: links for every post in review in a time range */
                kind?: "posts" | "range";
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description Only the links that show this post */
                postId?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "recipientName": "example",
                     *           "recipientEmail": "example",
                     *           "postIds": [
                     *             "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *           ],
                     *           "rangeFrom": "2026-03-14T09:30:00.000Z",
                     *           "rangeTo": "2026-03-14T09:30:00.000Z",
                     *           "expiresAt": "2026-03-14T09:30:00.000Z",
                     *           "revokedAt": "2026-03-14T09:30:00.000Z",
                     *           "lastOpenedAt": "2026-03-14T09:30:00.000Z",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "status": "scheduled"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            /** Format: date-time */
                            lastOpenedAt: string | null;
                            postIds: string[] | null;
                            /** Format: date-time */
                            rangeFrom: string | null;
                            /** Format: date-time */
                            rangeTo: string | null;
                            recipientEmail: string | null;
                            recipientName: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            /** @description active | expired | revoked */
                            status: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    postWorkspaceReviewLinks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipientName": "example",
                 *       "recipientEmail": "ada@example.com",
                 *       "postIds": [
                 *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *       ],
                 *       "from": {},
                 *       "to": {},
                 *       "expiresInDays": 7
                 *     }
                 */
                "application/json": {
                    /** @default 7 */
                    expiresInDays?: number;
                    /** @description With to: every post in review planned in [from, to) (a week) */
                    from?: unknown;
                    postIds?: string[];
                    /** Format: email */
                    recipientEmail?: string;
                    recipientName: string;
                    to?: unknown;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "recipientName": "example",
                     *       "recipientEmail": "example",
                     *       "postIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "rangeFrom": "2026-03-14T09:30:00.000Z",
                     *       "rangeTo": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "revokedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastOpenedAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "status": "scheduled",
                     *       "url": "https://example.com/hooks/herald"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        /** Format: date-time */
                        lastOpenedAt: string | null;
                        postIds: string[] | null;
                        /** Format: date-time */
                        rangeFrom: string | null;
                        /** Format: date-time */
                        rangeTo: string | null;
                        recipientEmail: string | null;
                        recipientName: string;
                        /** Format: date-time */
                        revokedAt: string | null;
                        /** @description active | expired | revoked */
                        status: string;
                        url: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceReviewLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "recipientName": "example",
                     *       "recipientEmail": "example",
                     *       "postIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "rangeFrom": "2026-03-14T09:30:00.000Z",
                     *       "rangeTo": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "revokedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastOpenedAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "status": "scheduled"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        /** Format: date-time */
                        lastOpenedAt: string | null;
                        postIds: string[] | null;
                        /** Format: date-time */
                        rangeFrom: string | null;
                        /** Format: date-time */
                        rangeTo: string | null;
                        recipientEmail: string | null;
                        recipientName: string;
                        /** Format: date-time */
                        revokedAt: string | null;
                        /** @description active | expired | revoked */
                        status: string;
                    };
                };
            };
        };
    };
    postWorkspaceReviewLinkRevoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                linkId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "recipientName": "example",
                     *       "recipientEmail": "example",
                     *       "postIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ],
                     *       "rangeFrom": "2026-03-14T09:30:00.000Z",
                     *       "rangeTo": "2026-03-14T09:30:00.000Z",
                     *       "expiresAt": "2026-03-14T09:30:00.000Z",
                     *       "revokedAt": "2026-03-14T09:30:00.000Z",
                     *       "lastOpenedAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "status": "scheduled"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        id: string;
                        /** Format: date-time */
                        lastOpenedAt: string | null;
                        postIds: string[] | null;
                        /** Format: date-time */
                        rangeFrom: string | null;
                        /** Format: date-time */
                        rangeTo: string | null;
                        recipientEmail: string | null;
                        recipientName: string;
                        /** Format: date-time */
                        revokedAt: string | null;
                        /** @description active | expired | revoked */
                        status: string;
                    };
                };
            };
        };
    };
    getWorkspaceScheduleSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris",
                     *       "timeZoneSet": false
                     *     }
                     */
                    "application/json": {
                        timeZone: string;
                        /** @description false: nobody chose one yet, UTC applies */
                        timeZoneSet: boolean;
                    };
                };
            };
        };
    };
    putWorkspaceScheduleSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "timeZone": "Europe/Paris"
                 *     }
                 */
                "application/json": {
                    timeZone: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Paris"
                     *     }
                     */
                    "application/json": {
                        timeZone: string;
                    };
                };
            };
        };
    };
    getWorkspaceSnippets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "snippets": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch",
                     *           "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "kind": "hashtags",
                     *           "createdBy": "example",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "updatedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        snippets: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            /**
                             * @description hashtags and other are inserted at the cursor; a signature is added at the end of the text
                             * @enum {string}
                             */
                            kind: "hashtags" | "signature" | "other";
                            name: string;
                            text: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceSnippets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                 *       "kind": "hashtags"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "hashtags" | "signature" | "other";
                    name: string;
                    text: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *       "kind": "hashtags",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        /**
                         * @description hashtags and other are inserted at the cursor; a signature is added at the end of the text
                         * @enum {string}
                         */
                        kind: "hashtags" | "signature" | "other";
                        name: string;
                        text: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getWorkspaceSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                snippetId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *       "kind": "hashtags",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        /**
                         * @description hashtags and other are inserted at the cursor; a signature is added at the end of the text
                         * @enum {string}
                         */
                        kind: "hashtags" | "signature" | "other";
                        name: string;
                        text: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                snippetId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspaceSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                snippetId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Spring launch",
                 *       "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                 *       "kind": "hashtags"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind?: "hashtags" | "signature" | "other";
                    name?: string;
                    text?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "text": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *       "kind": "hashtags",
                     *       "createdBy": "example",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        id: string;
                        /**
                         * @description hashtags and other are inserted at the cursor; a signature is added at the end of the text
                         * @enum {string}
                         */
                        kind: "hashtags" | "signature" | "other";
                        name: string;
                        text: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    postWorkspaceTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "memberId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *     }
                 */
                "application/json": {
                    memberId: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    getWorkspaceWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "url": "https://example.com/hooks/herald",
                     *           "description": "Sends scheduled posts to the team calendar",
                     *           "events": [
                     *             "example"
                     *           ],
                     *           "enabled": true,
                     *           "disabledReason": "example",
                     *           "disabledAt": "2026-03-14T09:30:00.000Z",
                     *           "consecutiveFailures": 1,
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "updatedAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures */
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            /** Format: date-time */
                            disabledAt: string | null;
                            /** @description Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off */
                            disabledReason: string | null;
                            enabled: boolean;
                            events: string[];
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        }[];
                    };
                };
            };
        };
    };
    postWorkspaceWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://n8n.example.com/webhook/7c1e2a94-herald",
                 *       "description": "n8n: post published or failed → Slack #social",
                 *       "events": [
                 *         "post.published",
                 *         "post.failed"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description What it is for, shown in the list */
                    description?: string | null;
                    /** @description Event types it receives */
                    events: ("post.scheduled" | "post.submitted_for_review" | "post.approved" | "post.changes_requested" | "post.published" | "post.failed" | "post.unconfirmed" | "post.deleted" | "channel.needs_reconnect" | "analytics.report_ready")[];
                    /** @description https URL that receives the events (POST, JSON, signed as Standard Webhooks says) */
                    url: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "wh_6Jr2tY8u",
                     *       "url": "https://n8n.example.com/webhook/7c1e2a94-herald",
                     *       "description": "n8n: post published or failed → Slack #social",
                     *       "events": [
                     *         "post.published",
                     *         "post.failed"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2026-03-12T15:42:10.000Z",
                     *       "updatedAt": "2026-03-12T15:42:10.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqsoq5XOA4dpZbDBrv4VYpY"
                     *     }
                     */
                    "application/json": {
                        /** @description Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: date-time */
                        disabledAt: string | null;
                        /** @description Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off */
                        disabledReason: string | null;
                        enabled: boolean;
                        events: string[];
                        id: string;
                        /** @description The signing secret (`whsec_…`), shown only in this answer: store it now */
                        secret: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    getWorkspaceWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "url": "https://example.com/hooks/herald",
                     *       "description": "Sends scheduled posts to the team calendar",
                     *       "events": [
                     *         "example"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": "example",
                     *       "disabledAt": "2026-03-14T09:30:00.000Z",
                     *       "consecutiveFailures": 1,
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: date-time */
                        disabledAt: string | null;
                        /** @description Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off */
                        disabledReason: string | null;
                        enabled: boolean;
                        events: string[];
                        id: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    deleteWorkspaceWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
        };
    };
    patchWorkspaceWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/herald",
                 *       "description": "Sends scheduled posts to the team calendar",
                 *       "events": [
                 *         "post.scheduled",
                 *         "post.submitted_for_review"
                 *       ],
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    /** @description What it is for, shown in the list */
                    description?: string | null;
                    enabled?: boolean;
                    /** @description Event types it receives */
                    events?: ("post.scheduled" | "post.submitted_for_review" | "post.approved" | "post.changes_requested" | "post.published" | "post.failed" | "post.unconfirmed" | "post.deleted" | "channel.needs_reconnect" | "analytics.report_ready")[];
                    /** @description https URL that receives the events (POST, JSON, signed as Standard Webhooks says) */
                    url?: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "url": "https://example.com/hooks/herald",
                     *       "description": "Sends scheduled posts to the team calendar",
                     *       "events": [
                     *         "example"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": "example",
                     *       "disabledAt": "2026-03-14T09:30:00.000Z",
                     *       "consecutiveFailures": 1,
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: date-time */
                        disabledAt: string | null;
                        /** @description Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off */
                        disabledReason: string | null;
                        enabled: boolean;
                        events: string[];
                        id: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    getWorkspaceWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                event?: "webhook.test" | "post.scheduled" | "post.submitted_for_review" | "post.approved" | "post.changes_requested" | "post.published" | "post.failed" | "post.unconfirmed" | "post.deleted" | "channel.needs_reconnect" | "analytics.report_ready";
                /** @description Items per page (default 25, at most 100) */
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "endpointId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "eventType": "example",
                     *           "status": "pending",
                     *           "attempts": 1,
                     *           "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *           "createdAt": "2026-03-14T09:30:00.000Z",
                     *           "lastAttempt": {
                     *             "responseStatus": 1,
                     *             "error": "example",
                     *             "durationMs": 1,
                     *             "createdAt": "2026-03-14T09:30:00.000Z"
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "eyJhdCI6IjIwMjYtMDMtMTQifQ"
                     *     }
                     */
                    "application/json": {
                        items: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            endpointId: string;
                            eventType: string;
                            /** @description The message id, sent as the `webhook-id` header on every try */
                            id: string;
                            lastAttempt: {
                                /** Format: date-time */
                                createdAt: string;
                                durationMs: number | null;
                                /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                                error: string | null;
                                responseStatus: number | null;
                            } | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /**
                             * @description pending: tries left; succeeded: a 2xx came back; failed: Herald gave up
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                        }[];
                        /** @description Pass as cursor for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getWorkspaceWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "endpointId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "eventType": "example",
                     *       "status": "pending",
                     *       "attempts": 1,
                     *       "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "lastAttempt": {
                     *         "responseStatus": 1,
                     *         "error": "example",
                     *         "durationMs": 1,
                     *         "createdAt": "2026-03-14T09:30:00.000Z"
                     *       },
                     *       "payload": {
                     *         "type": "example",
                     *         "timestamp": "example",
                     *         "data": {}
                     *       },
                     *       "attemptLog": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "requestHeaders": {},
                     *           "requestBody": "example",
                     *           "responseStatus": 1,
                     *           "responseBody": "example",
                     *           "error": "example",
                     *           "durationMs": 1,
                     *           "manual": false,
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Every try, newest first */
                        attemptLog: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            id: string;
                            /** @description A person asked for it (redelivery) */
                            manual: boolean;
                            requestBody: string;
                            /** @description Headers sent; the signature is shortened */
                            requestHeaders: {
                                [key: string]: string;
                            };
                            /** @description The first 4 KB of the answer */
                            responseBody: string | null;
                            responseStatus: number | null;
                        }[];
                        attempts: number;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventType: string;
                        /** @description The message id, sent as the `webhook-id` header on every try */
                        id: string;
                        lastAttempt: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            responseStatus: number | null;
                        } | null;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        payload: {
                            data: {
                                [key: string]: unknown;
                            };
                            timestamp: string;
                            type: string;
                        };
                        /**
                         * @description pending: tries left; succeeded: a 2xx came back; failed: Herald gave up
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                    };
                };
            };
        };
    };
    postWorkspaceWebhookDeliveryRedeliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                deliveryId: string;
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "endpointId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "eventType": "example",
                     *       "status": "pending",
                     *       "attempts": 1,
                     *       "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "lastAttempt": {
                     *         "responseStatus": 1,
                     *         "error": "example",
                     *         "durationMs": 1,
                     *         "createdAt": "2026-03-14T09:30:00.000Z"
                     *       },
                     *       "payload": {
                     *         "type": "example",
                     *         "timestamp": "example",
                     *         "data": {}
                     *       },
                     *       "attemptLog": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "requestHeaders": {},
                     *           "requestBody": "example",
                     *           "responseStatus": 1,
                     *           "responseBody": "example",
                     *           "error": "example",
                     *           "durationMs": 1,
                     *           "manual": false,
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Every try, newest first */
                        attemptLog: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            id: string;
                            /** @description A person asked for it (redelivery) */
                            manual: boolean;
                            requestBody: string;
                            /** @description Headers sent; the signature is shortened */
                            requestHeaders: {
                                [key: string]: string;
                            };
                            /** @description The first 4 KB of the answer */
                            responseBody: string | null;
                            responseStatus: number | null;
                        }[];
                        attempts: number;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventType: string;
                        /** @description The message id, sent as the `webhook-id` header on every try */
                        id: string;
                        lastAttempt: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            responseStatus: number | null;
                        } | null;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        payload: {
                            data: {
                                [key: string]: unknown;
                            };
                            timestamp: string;
                            type: string;
                        };
                        /**
                         * @description pending: tries left; succeeded: a 2xx came back; failed: Herald gave up
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                    };
                };
            };
        };
    };
    postWorkspaceWebhookRotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "url": "https://example.com/hooks/herald",
                     *       "description": "Sends scheduled posts to the team calendar",
                     *       "events": [
                     *         "example"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": "example",
                     *       "disabledAt": "2026-03-14T09:30:00.000Z",
                     *       "consecutiveFailures": 1,
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "updatedAt": "2026-03-14T09:30:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqsoq5XOA4dpZbDBrv4VYpY"
                     *     }
                     */
                    "application/json": {
                        /** @description Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        /** Format: date-time */
                        disabledAt: string | null;
                        /** @description Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off */
                        disabledReason: string | null;
                        enabled: boolean;
                        events: string[];
                        id: string;
                        /** @description The signing secret (`whsec_…`), shown only in this answer: store it now */
                        secret: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
        };
    };
    postWorkspaceWebhookTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                webhookId: string;
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "endpointId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "eventType": "example",
                     *       "status": "pending",
                     *       "attempts": 1,
                     *       "nextAttemptAt": "2026-03-14T09:30:00.000Z",
                     *       "createdAt": "2026-03-14T09:30:00.000Z",
                     *       "lastAttempt": {
                     *         "responseStatus": 1,
                     *         "error": "example",
                     *         "durationMs": 1,
                     *         "createdAt": "2026-03-14T09:30:00.000Z"
                     *       },
                     *       "payload": {
                     *         "type": "example",
                     *         "timestamp": "example",
                     *         "data": {}
                     *       },
                     *       "attemptLog": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "requestHeaders": {},
                     *           "requestBody": "example",
                     *           "responseStatus": 1,
                     *           "responseBody": "example",
                     *           "error": "example",
                     *           "durationMs": 1,
                     *           "manual": false,
                     *           "createdAt": "2026-03-14T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Every try, newest first */
                        attemptLog: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            id: string;
                            /** @description A person asked for it (redelivery) */
                            manual: boolean;
                            requestBody: string;
                            /** @description Headers sent; the signature is shortened */
                            requestHeaders: {
                                [key: string]: string;
                            };
                            /** @description The first 4 KB of the answer */
                            responseBody: string | null;
                            responseStatus: number | null;
                        }[];
                        attempts: number;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventType: string;
                        /** @description The message id, sent as the `webhook-id` header on every try */
                        id: string;
                        lastAttempt: {
                            /** Format: date-time */
                            createdAt: string;
                            durationMs: number | null;
                            /** @description Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English) */
                            error: string | null;
                            responseStatus: number | null;
                        } | null;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        payload: {
                            data: {
                                [key: string]: unknown;
                            };
                            timestamp: string;
                            type: string;
                        };
                        /**
                         * @description pending: tries left; succeeded: a 2xx came back; failed: Herald gave up
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                    };
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getMcp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No API key, or an unknown, revoked or expired one (with WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description Not offered: send every message with POST */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    postMcp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    [key: string]: unknown;
                } | {
                    [key: string]: unknown;
                }[];
            };
        };
        responses: {
            /** @description The JSON-RPC answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A notification or response accepted (no body) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
            /** @description No API key, or an unknown, revoked or expired one (with WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteMcp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No API key, or an unknown, revoked or expired one (with WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description Not offered: send every message with POST */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getMediaPublicByMediaId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expires: string;
                mediaId: string;
                signature: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNetworksDeletionByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPrivacy: {
        parameters: {
            query?: {
                /** @description The page's language (en, fr); otherwise the first of Accept-Language Herald speaks, else English */
                lang?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPublicAnalyticsByIntegrationId: {
        parameters: {
            query?: {
                /** @description Days back */
                date?: number;
            };
            header?: never;
            path: {
                integrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "label": "example",
                     *         "data": [
                     *           {
                     *             "total": 1,
                     *             "date": "example"
                     *           }
                     *         ],
                     *         "percentageChange": 1
                     *       }
                     *     ]
                     */
                    "application/json": {
                        data: {
                            date: string;
                            total: number;
                        }[];
                        label: string;
                        percentageChange: number;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicAnalyticsPostByPostId: {
        parameters: {
            query?: {
                /** @description Days back */
                date?: number;
            };
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "label": "example",
                     *         "data": [
                     *           {
                     *             "total": 1,
                     *             "date": "example"
                     *           }
                     *         ],
                     *         "percentageChange": 1
                     *       }
                     *     ]
                     */
                    "application/json": {
                        data: {
                            date: string;
                            total: number;
                        }[];
                        label: string;
                        percentageChange: number;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicFindSlotById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "example"
                     *     }
                     */
                    "application/json": {
                        date: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    postPublicGenerateVideo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getPublicGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        name: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicIntegrationSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "output": {
                     *         "rules": "example",
                     *         "maxLength": 1,
                     *         "settings": {},
                     *         "tools": [
                     *           {}
                     *         ],
                     *         "herald": {}
                     *       }
                     *     }
                     */
                    "application/json": {
                        output: {
                            herald: {
                                [key: string]: unknown;
                            };
                            maxLength: number;
                            rules: string;
                            settings: unknown;
                            tools: unknown[];
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    postPublicIntegrationTriggerById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getPublicIntegrations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "name": "Spring launch",
                     *         "identifier": "example",
                     *         "picture": "example",
                     *         "disabled": false,
                     *         "refreshNeeded": false,
                     *         "profile": "example",
                     *         "customer": {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "name": "Spring launch"
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        /** @description The workspace */
                        customer: {
                            id: string;
                            name: string;
                        } | null;
                        /** @description The channel is disconnected */
                        disabled: boolean;
                        id: string;
                        /** @description Herald's network id (mastodon, bluesky, x, linkedin…) */
                        identifier: string;
                        name: string;
                        picture: string | null;
                        profile: string;
                        /** @description The channel must be connected again in Herald */
                        refreshNeeded: boolean;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    deletePublicIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "disconnected": true,
                     *       "revokedAtNetwork": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        disconnected: true;
                        id: string;
                        revokedAtNetwork: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicIsConnected: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "connected": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        connected: true;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getPublicPosts: {
        parameters: {
            query: {
                /** @description Ignored: the key has one workspace */
                customer?: string;
                endDate: string;
                startDate: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "posts": [
                     *         {
                     *           "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "content": "Our spring collection is live: 40 new pieces, made to last. 🌱",
                     *           "publishDate": "example",
                     *           "releaseURL": "example",
                     *           "releaseId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *           "state": "QUEUE",
                     *           "heraldState": "example",
                     *           "intervalInDays": null,
                     *           "group": "example",
                     *           "creationMethod": null,
                     *           "settings": {},
                     *           "tags": [
                     *             {}
                     *           ],
                     *           "integration": {
                     *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *             "providerIdentifier": "example",
                     *             "name": "Spring launch",
                     *             "picture": "example"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        posts: {
                            content: string;
                            /** @enum {string|null} */
                            creationMethod: null;
                            /** @description Herald's post id: every channel's entry of one post shares it */
                            group: string;
                            /** @description Herald's own state: draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
                            heraldState: string;
                            /** @description The post on one channel (Herald's delivery id) */
                            id: string;
                            integration: {
                                id: string;
                                name: string;
                                picture: string | null;
                                providerIdentifier: string;
                            };
                            /** @enum {string|null} */
                            intervalInDays: null;
                            publishDate: string | null;
                            releaseId: string | null;
                            releaseURL: string | null;
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            state: "QUEUE" | "PUBLISHED" | "ERROR" | "DRAFT";
                            tags: unknown[];
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    postPublicPosts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "draft",
                 *       "date": "example",
                 *       "shortLink": false,
                 *       "tags": [
                 *         {}
                 *       ],
                 *       "inter": 1,
                 *       "posts": [
                 *         {
                 *           "integration": {
                 *             "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                 *           },
                 *           "group": "example",
                 *           "value": [
                 *             {
                 *               "content": "",
                 *               "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                 *               "delay": 1,
                 *               "image": []
                 *             }
                 *           ],
                 *           "settings": {}
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description ISO 8601; without a zone it is UTC. Required for schedule */
                    date?: string;
                    /** @description Repeating posts: not supported (a positive value is refused) */
                    inter?: number | null;
                    posts: ({
                        /** @description An existing post of this workspace: it is replaced; any other value is ignored */
                        group?: string;
                        integration: {
                            id: string;
                        };
                        /** @description The network's settings, by Herald's names (see integration-settings); __type and unknown fields are ignored */
                        settings?: {
                            [key: string]: unknown;
                        } | null;
                        value: ({
                            /** @default  */
                            content?: string;
                            /** @description Ignored: Herald posts a thread in one go */
                            delay?: number;
                            /** @description Ignored: Herald chooses its own ids */
                            id?: string;
                            /** @default [] */
                            image?: ({
                                alt?: string | null;
                                id?: string;
                                path?: string;
                                thumbnail?: string | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    })[];
                    /** @description Ignored: Herald does not shorten links */
                    shortLink?: boolean;
                    /** @description Ignored */
                    tags?: unknown[];
                    /** @enum {string} */
                    type: "draft" | "schedule" | "now" | "update";
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "postId": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *         "integration": "example"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        integration: string;
                        postId: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    deletePublicPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": true,
                     *       "group": "example",
                     *       "postIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        group: string;
                        postIds: string[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicPostMissing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    putPublicPostReleaseId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    putPublicPostSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    putPublicPostStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "draft"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    status: "draft" | "schedule";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "group": "example",
                     *       "state": "example",
                     *       "heraldState": "example"
                     *     }
                     */
                    "application/json": {
                        group: string;
                        heraldState: string;
                        id: string;
                        state: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    deletePublicPostsGroupByGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": true,
                     *       "group": "example",
                     *       "postIds": [
                     *         "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        group: string;
                        postIds: string[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicSocialByProvider: {
        parameters: {
            query?: {
                /** @description Bluesky: the handle or server to sign in at */
                identifier?: string;
                /** @description Mastodon: the server name, e.g. mastodon.social */
                instance?: string;
                /** @description Postiz: the integration to reconnect; Herald reconnects the account that signs in */
                refresh?: string;
            };
            header?: never;
            path: {
                /** @description A network id (mastodon, bluesky, x, linkedin, …; Postiz's linkedin-page and instagram-standalone are taken as linkedin and instagram) */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://example.com/hooks/herald"
                     *     }
                     */
                    "application/json": {
                        url: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    postPublicUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "originalName": "example",
                     *       "path": "example",
                     *       "thumbnail": "example",
                     *       "alt": "example"
                     *     }
                     */
                    "application/json": {
                        alt: string | null;
                        id: string;
                        name: string | null;
                        originalName: string | null;
                        /** @description Send it back in posts[].value[].image[].path */
                        path: string;
                        thumbnail: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    postPublicUploadFromUrl: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/herald"
                 *     }
                 */
                "application/json": {
                    url: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94",
                     *       "name": "Spring launch",
                     *       "originalName": "example",
                     *       "path": "example",
                     *       "thumbnail": "example",
                     *       "alt": "example"
                     *     }
                     */
                    "application/json": {
                        alt: string | null;
                        id: string;
                        name: string | null;
                        originalName: string | null;
                        /** @description Send it back in posts[].value[].image[].path */
                        path: string;
                        thumbnail: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
        };
    };
    getPublicUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    postPublicVideoFunction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            /** @description Default Response */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                        message?: string;
                        /** @description Authentication failures, as Postiz words them */
                        msg?: string;
                        statusCode?: number;
                    };
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "database": "example",
                     *       "checks": {
                     *         "database": {
                     *           "ok": false,
                     *           "reason": "example"
                     *         },
                     *         "queue": {
                     *           "ok": false,
                     *           "reason": "example",
                     *           "waiting": 1,
                     *           "active": 1
                     *         },
                     *         "storage": {
                     *           "ok": false,
                     *           "reason": "example"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        checks: {
                            database: {
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                            };
                            queue: {
                                /** @description Jobs running, all queues */
                                active?: number;
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                                /** @description Jobs ready to run, all queues */
                                waiting?: number;
                            };
                            /** @description The media storage took a small write and deleted it */
                            storage: {
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                            };
                        };
                        /** @description Which database engine: pglite (embedded) or postgres */
                        database: string;
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            database: {
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                            };
                            queue: {
                                /** @description Jobs running, all queues */
                                active?: number;
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                                /** @description Jobs ready to run, all queues */
                                waiting?: number;
                            };
                            /** @description The media storage took a small write and deleted it */
                            storage: {
                                ok: boolean;
                                /** @description Why this part is not ready */
                                reason?: string;
                            };
                        };
                        /** @description Which database engine: pglite (embedded) or postgres */
                        database: string;
                        /** @description The first part that is not ready, in words */
                        reason: string;
                        /** @enum {string} */
                        status: "not_ready";
                    };
                };
            };
        };
    };
    getTerms: {
        parameters: {
            query?: {
                /** @description The page's language (en, fr); otherwise the first of Accept-Language Herald speaks, else English */
                lang?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
