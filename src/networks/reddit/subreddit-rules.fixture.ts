import { requirementsOf, type SubredditRules } from './requirements.ts';

/** r/AskHerald as the tests know it: every kind of post allowed, one flair, rules read just now. */
export const askHeraldRules = (requirements: Record<string, unknown>, extra: Partial<SubredditRules> = {}): SubredditRules => ({
  name: 'AskHerald',
  submissionType: 'any',
  allowImages: true,
  allowVideos: true,
  allowGalleries: true,
  over18: false,
  requirements: requirementsOf(requirements),
  flairs: [{ id: 'f1', text: 'Question', textEditable: false, modOnly: false, backgroundColor: null, textColor: 'dark' }],
  readAt: new Date().toISOString(),
  ...extra,
});
