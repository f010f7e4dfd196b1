// Generated from docs/openapi.json by `npx tsx scripts/gen-web-api-types.ts`; do not edit by hand.
export interface paths {
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sign-in pages need to know about this Herald */
        get: {
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        get: {
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
                        "application/json": {
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                image: string | null;
                                isOperator: boolean;
                                name: string;
                                twoFactorEnabled: boolean;
                            };
                            workspaces: {
                                id: string;
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
        put: {
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
                        "application/json": {
                            /** @description Where the picture is served (the same as `user.image` of /me), or null without one */
                            image: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove your picture (404 avatar.not_found when there is none) */
        delete: {
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
                        "application/json": {
                            /** @description Where the picture is served (the same as `user.image` of /me), or null without one */
                            image: string | null;
                        };
                    };
                };
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        get: {
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
        /** Your data exports, newest first, with their progress */
        get: {
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
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                downloadedAt: string | null;
                                /** @description Set while the archive can be downloaded */
                                downloadUrl: string | null;
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
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request an archive of all your data; 409 privacy.export_running while one is being prepared */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            downloadedAt: string | null;
                            /** @description Set while the archive can be downloaded */
                            downloadUrl: string | null;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
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
        get: {
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
        put?: never;
        /** Pause or resume processing; resuming sends overdue scheduled posts at once (marked late) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        restricted: boolean;
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            status: true;
                        };
                    };
                };
            };
        };
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
        get: {
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    network: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: string;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** What needs your attention (a channel to reconnect…), newest first, with the unread count */
        get: {
            parameters: {
                query?: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                entityId: string | null;
                                entityType: string;
                                id: string;
                                kind: string;
                                link: string | null;
                                /** Format: date-time */
                                readAt: string | null;
                                title: string;
                                workspaceId: string | null;
                            }[];
                            unreadCount: number;
                        };
                    };
                };
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    notificationId: string;
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
                        "application/json": {
                            marked: number;
                        };
                    };
                };
            };
        };
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
        post: {
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
                        "application/json": {
                            marked: number;
                        };
                    };
                };
            };
        };
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
        /** Where the network's consent page sends the browser back; redirects to the Channels page */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        get: {
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
                        "application/json": {
                            /** @description Days between asking to delete an account and the deletion; 0 = at once */
                            accountDeletionGraceDays: number;
                            analytics: {
                                /** @description false: the operator turned collection off (HERALD_ANALYTICS_INTERVAL_MINUTES=0) */
                                enabled: boolean;
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
        put?: never;
        post?: never;
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
        get: {
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
                    content?: never;
                };
            };
        };
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
        /** Workspaces I belong to, with my role */
        get: {
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
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                name: string;
                                role: string;
                                slug: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a workspace; the creator is its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description The zone posting times are in (default UTC); the web app sends the creator's */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            role: string;
                            slug: string;
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            role: string;
                            slug: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a workspace and everything in it; its channels' tokens are revoked at their networks first */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a workspace */
        patch: {
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
                    "application/json": {
                        name: string;
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
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                        };
                    };
                };
            };
        };
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: number;
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Turn analytics collection on or off for the whole workspace (objection), optionally deleting what was collected */
        put: {
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
                    "application/json": {
                        /** @description Also delete the counters already collected */
                        deleteCollected?: boolean;
                        enabled: boolean;
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
                        "application/json": {
                            deleted: number;
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: {
                    action?: string;
                    cursor?: number;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                statusReason: string | null;
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                statusReason: string | null;
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
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                    "application/json": {
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
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
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
        put: {
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
                    "application/json": {
                        /** @description Also delete the counters already collected */
                        deleteCollected?: boolean;
                        enabled: boolean;
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
                        "application/json": {
                            deleted: number;
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                statusReason: string | null;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Replace a channel's weekly posting times */
        put: {
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
                    "application/json": {
                        slots: {
                            minute: number;
                            weekday: number;
                        }[];
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: string[];
                            timeZone: string;
                        };
                    };
                };
            };
        };
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                statusReason: string | null;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        put?: never;
        /** Connect the picked accounts of one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes: one channel each (a reconnect updates its channel), then the selection is used up */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    selectionId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Accounts to connect, by their id at the network, each one of the selection's */
                        externalIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                statusReason: string | null;
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
        /** Discard one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes: its accounts and tokens are deleted now */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        put?: never;
        /** Invite someone by e-mail with a role (inviting again renews the invitation) */
        post: {
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
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "approver" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
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
        /** The media library (files not deleted), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
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
                                /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                                pageCount: number | null;
                                /** @description Bytes */
                                size: number;
                                /**
                                 * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                                 * @enum {string}
                                 */
                                status: "ready" | "deleted";
                                /** @description Where the file is served (same session) */
                                url: string;
                                /** @description Four-character code of the video track: avc1, hvc1, hev1, av01… */
                                videoCodec: string | null;
                                width: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a file (multipart/form-data: `file`, optional `altText`). JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents; the type is detected from the content. Large videos: use the resumable upload */
        post: {
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
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Echoed for the composer, which keeps alt text per post */
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
                            /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                            pageCount: number | null;
                            /** @description Bytes */
                            size: number;
                            /**
                             * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                             * @enum {string}
                             */
                            status: "ready" | "deleted";
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                            /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                            pageCount: number | null;
                            /** @description Bytes */
                            size: number;
                            /**
                             * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                             * @enum {string}
                             */
                            status: "ready" | "deleted";
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
        put?: never;
        post?: never;
        /** Delete the file now (refused with 409 media.in_use while a queued post uses it); the entry stays with status deleted */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                            /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                            pageCount: number | null;
                            /** @description Bytes */
                            size: number;
                            /**
                             * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                             * @enum {string}
                             */
                            status: "ready" | "deleted";
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): the server’s tus version, extensions and maximum size */
        options: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): the server’s tus version and extensions */
        options: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        head?: never;
        /** Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): send the next bytes (application/offset+octet-stream at Upload-Offset); the last one answers Herald-Media-Id */
        patch: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                            /** @description Documents: the pages counted at upload (null: not found in the file, or not a document) */
                            pageCount: number | null;
                            /** @description Bytes */
                            size: number;
                            /**
                             * @description deleted: the bytes are gone (deleted by a member, or after publishing per the retention setting)
                             * @enum {string}
                             */
                            status: "ready" | "deleted";
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: {
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
                    "application/json": {
                        /** @enum {string} */
                        role: "admin" | "editor" | "approver" | "viewer";
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
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: {
                    channelId?: string;
                    cursor?: string;
                    from?: unknown;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
                                state: string;
                                timeZone: string;
                                /** Format: date-time */
                                updatedAt: string;
                                workspaceId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a post for one or more channels: a draft, or scheduled (at a time, now, or in the next free slot). Scheduling also needs posts.schedule */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a creation safely: the same key within 24 h answers the post created the first time */
                    "idempotency-key"?: string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
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
                        }[];
                        /** @description What every channel posts unless its own entry overrides it */
                        content: {
                            firstComment?: string | null;
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
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        put?: never;
        post?: never;
        /** Delete a post (refused while it is being published); its uploaded media is then deleted by the retention job */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit content and channels (refused while it is being published, or once part of it is out) */
        patch: {
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
                        }[];
                        /** @description What every channel posts unless its own entry overrides it */
                        content: {
                            firstComment?: string | null;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        post: {
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
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The post at the network: an absolute http(s) link */
                        url?: string;
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        post: {
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
            requestBody: {
                content: {
                    "application/json": {
                        confirmedAbsent?: boolean;
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        post: {
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
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    postId: string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            /** @description draft: no time; now: publish at once; at: at publishAt; queue: the next free time slot of the channels */
            requestBody: {
                content: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
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
        get: {
            parameters: {
                query?: {
                    /** @description Only drafts this member wrote */
                    authorId?: string;
                    channelId?: string;
                    cursor?: string;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                                /** @description draft | scheduled | publishing | published | partially_failed | failed | cancelled */
                                state: string;
                                timeZone: string;
                                /** Format: date-time */
                                updatedAt: string;
                                workspaceId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        put?: never;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string | null;
                            timeZone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                            /** @description false: nobody chose one yet, UTC applies */
                            timeZoneSet: boolean;
                        };
                    };
                };
            };
        };
        /** Set the workspace's time zone */
        put: {
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
                    "application/json": {
                        timeZone: string;
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
                        "application/json": {
                            timeZone: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        post: {
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
                    "application/json": {
                        memberId: string;
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
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
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
        get: {
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
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Privacy policy (HTML), generated from this instance's configuration */
        get: {
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
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
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
        /** The database answers and every migration is applied */
        get: {
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
                        "application/json": {
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
                            reason: string;
                            /** @enum {string} */
                            status: "not_ready";
                        };
                    };
                };
            };
        };
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
        /** Terms of service (HTML), generated from this instance's configuration */
        get: {
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
                    content?: never;
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
