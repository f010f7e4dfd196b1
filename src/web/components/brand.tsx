import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

// The product's name, never translated.
const productName = 'Herald';

function Mark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M10 9v14M22 9v14M10 16h12" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export function Brand({ to }: { to?: string }) {
  const { t } = useTranslation();
  const content = (
    <>
      <Mark />
      <span>{productName}</span>
    </>
  );
  return to ? (
    <Link to={to} className="brand" aria-label={t('brand.home')}>
      {content}
    </Link>
  ) : (
    <div className="brand">{content}</div>
  );
}
