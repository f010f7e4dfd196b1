import type { ReactNode } from 'react';

// Line icons of the queue on the same 24-unit grid as components/icons.tsx; decorative.
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
export const ArrowIcon = ({ up = false }: { up?: boolean }) => <Svg>{up ? <path d="M12 19V5M6 11l6-6 6 6" /> : <path d="M12 5v14M6 13l6 6 6-6" />}</Svg>;
export const PinIcon = () => (
  <Svg>
    <path d="M9 4h6l-1 6 3 3v2H7v-2l3-3-1-6zM12 15v5" />
  </Svg>
);
export const GripIcon = () => (
  <span className="queue-grip" aria-hidden="true">
    <Svg>
      <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth="3" />
    </Svg>
  </span>
);
export const ShuffleIcon = () => (
  <Svg>
    <path d="M4 7h3c5 0 5 10 10 10h3M4 17h3c1.5 0 2.6-.9 3.4-2M14 9c.8-1.2 1.8-2 3-2h3M18 4l3 3-3 3M18 14l3 3-3 3" />
  </Svg>
);
export const QueueIcon = () => (
  <Svg>
    <path d="M4 6h10M4 12h10M4 18h7M18 8v10M15 15l3 3 3-3" />
  </Svg>
);
