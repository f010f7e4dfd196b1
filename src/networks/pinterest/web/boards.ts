// The composer's view of a Pinterest account's boards: the pre-flight answer (GET …/preflight)
// and the create-board action's answer, as the server part shapes them.
export type PinterestSection = { id: string; name: string };
export type PinterestBoard = { id: string; name: string; privacy: string; description: string | null; sections: PinterestSection[] };
export type PinterestBoards = { boards: PinterestBoard[]; avatar: string | null };

export const boardsOf = (data: unknown): PinterestBoard[] | null => {
  const boards = (data as Partial<PinterestBoards> | undefined)?.boards;
  return Array.isArray(boards) ? boards : null;
};

/** The host a pin's link leads to, as the pin shows it. */
export function linkDomain(link: unknown): string | null {
  if (typeof link !== 'string' || !link) return null;
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
