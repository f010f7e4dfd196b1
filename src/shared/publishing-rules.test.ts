import { describe, expect, it } from 'vitest';
import { networkIds, networkLabel } from '../networks/index.ts';
import { checkVariant, publishingRules, type MediaFacts } from './publishing-rules.ts';

const pdf: MediaFacts = { id: 'doc', kind: 'document', mimeType: 'application/pdf', size: 200_000, width: null, height: null, durationSeconds: null, frameRate: null, pageCount: 4 };

describe('media kinds', () => {
  it('refuses a PDF for every network that does not declare documents, naming the network, before its own checks', () => {
    const withoutDocuments = networkIds.filter((id) => !(publishingRules[id].mediaKinds ?? []).includes('document'));
    expect(withoutDocuments.length).toBeGreaterThan(0);
    for (const network of withoutDocuments) {
      const issues = checkVariant(network, { parts: [{ text: 'Our report', media: [{ mediaId: 'doc' }] }], settings: {} }, new Map([['doc', pdf]]), {}, { forPublishing: false });
      const about = issues.filter((i) => i.field === 'media').map((i) => i.message);
      expect(about.filter((m) => m === `${networkLabel(network)} does not take PDF documents`), network).toHaveLength(1);
    }
  });
});
