// The snippets mark (a hash over a text line) on the 24-unit grid of components/icons.tsx; decorative.
export const SnippetIcon = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <path d="M9 4 7.5 14M15 4l-1.5 10M5 7.5h13M4.5 11h13M5 19h14" />
  </svg>
);
