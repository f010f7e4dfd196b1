/** Stacked layers: every workspace at once (the agency view's nav link). */
export const AllWorkspacesIcon = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <path d="M12 3 3 8l9 5 9-5z" />
    <path d="m3 12.5 9 5 9-5M3 17l9 5 9-5" />
  </svg>
);
