// How X counts a post's text, with X's own library (twitter-text, the code behind x.com's
// counter): every URL 23, CJK and emoji 2, most other characters 1, after NFC normalisation
// (shared/providers.md §4 "Limits"). The descriptor's rules use it, so the server's checks and the
// composer's counter are the same function.
import twitterText from 'twitter-text';

/** The weighted length X compares with the post's limit. */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** The links X shortens in a text (each counts 23), with where they stand, for the preview. */
export function linksIn(text: string): { url: string; start: number; end: number }[] {
  return twitterText.extractUrlsWithIndices(text).map((u) => ({ url: u.url, start: u.indices[0], end: u.indices[1] }));
}
