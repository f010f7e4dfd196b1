import type { DashboardAnswer, DayRange } from '../../../shared/analytics.ts';
import type { Db } from '../../db/database.ts';

/** Which channels a dashboard or report covers: one workspace (or several, for an agency), optionally narrowed. */
export type DashboardScope = { workspaceIds: string[]; channelIds?: string[]; networks?: string[] };

export type DashboardQuery = DayRange & { compare: boolean };

/**
 * Computes the dashboard's figures (summary with the previous period, daily series per channel, top
 * posts) from the daily channel statistics and the newest readings. The client report is made of
 * the same figures, so both always agree.
 */
export type DashboardFigures = (db: Db, scope: DashboardScope, query: DashboardQuery) => Promise<DashboardAnswer>;
