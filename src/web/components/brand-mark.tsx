import type { BrandMark as Mark } from '../../networks/web-types.ts';

/**
 * A network's mark, sized like the text around it (1em) and drawn in its brand colour; without a
 * mark, a neutral one (a ring with the label's first letter) in the text's muted colour.
 */
export function BrandMark({ mark, label, className = '' }: { mark: Mark | null; label: string; className?: string }) {
  if (!mark) {
    return (
      <svg className={`brand-mark is-neutral ${className}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <text x="12" y="16.5" textAnchor="middle" fontSize="12" fontWeight="700" fill="currentColor">
          {(label[0] ?? '?').toUpperCase()}
        </text>
      </svg>
    );
  }
  return (
    <svg className={`brand-mark ${className}`} viewBox="0 0 24 24" width="1em" height="1em" fill={`#${mark.hex}`} aria-hidden="true" focusable="false">
      <path d={mark.path} />
    </svg>
  );
}
