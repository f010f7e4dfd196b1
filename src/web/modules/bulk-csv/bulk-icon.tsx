// A sheet of rows (the spreadsheet a bulk file comes from) on the 24-unit grid of components/icons.tsx; decorative.
export const BulkIcon = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M4 9.5h16M4 14.5h16M10 9.5V20" />
  </svg>
);
