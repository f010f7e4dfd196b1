import { useTranslation } from 'react-i18next';

// A hint, not a rule: the server enforces only the minimum length. Long passphrases score well;
// short passwords of one character class or obvious sequences score badly.
const obvious = /^(?:(.)\1+|0?123456789?0?|abcdefghij?k?|qwertyuiop?|password\d*|passw0rd\d*|letmein\d*|iloveyou\d*)$/i;

// Keys under `strength.` in the auth namespace.
type Strength = { score: 0 | 1 | 2 | 3; label: 'tooShort' | 'weak' | 'fair' | 'strong'; advice?: { key: 'moreNeeded' | 'common' | 'longer' | 'anotherWord'; count?: number } };

function passwordStrength(password: string, minLength: number): Strength {
  if (password.length < minLength) return { score: 0, label: 'tooShort', advice: { key: 'moreNeeded', count: minLength - password.length } };
  if (obvious.test(password)) return { score: 1, label: 'weak', advice: { key: 'common' } };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  const unique = new Set(password.toLowerCase()).size;
  if (unique < 5 || (classes === 1 && password.length < 14)) return { score: 1, label: 'weak', advice: { key: 'longer' } };
  if (password.length >= 16 || (classes >= 3 && password.length >= 12)) return { score: 3, label: 'strong' };
  return { score: 2, label: 'fair', advice: { key: 'anotherWord' } };
}

export function StrengthMeter({ password, minLength }: { password: string; minLength: number }) {
  const { t } = useTranslation('auth');
  if (!password) return <span>{t('strength.minimum', { min: minLength })}</span>;
  const strength = passwordStrength(password, minLength);
  return (
    <span className="strength" data-score={strength.score}>
      <span className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span aria-live="polite">
        <strong>{t(`strength.${strength.label}`)}</strong>
        {strength.advice ? ` · ${t(`strength.${strength.advice.key}`, { count: strength.advice.count })}` : ''}
      </span>
    </span>
  );
}
