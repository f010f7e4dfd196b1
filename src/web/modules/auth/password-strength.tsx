// A hint, not a rule: the server enforces only the minimum length. Long passphrases score well;
// short passwords of one character class or obvious sequences score badly.
const obvious = /^(?:(.)\1+|0?123456789?0?|abcdefghij?k?|qwertyuiop?|password\d*|passw0rd\d*|letmein\d*|iloveyou\d*)$/i;

type Strength = { score: 0 | 1 | 2 | 3; label: string; advice?: string };

function passwordStrength(password: string, minLength: number): Strength {
  if (password.length < minLength)
    return { score: 0, label: 'Too short', advice: `${minLength - password.length} more character${minLength - password.length === 1 ? '' : 's'} needed.` };
  if (obvious.test(password)) return { score: 1, label: 'Weak', advice: 'This is one of the first passwords attackers try.' };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  const unique = new Set(password.toLowerCase()).size;
  if (unique < 5 || (classes === 1 && password.length < 14)) return { score: 1, label: 'Weak', advice: 'Make it longer: whole words are easy to remember.' };
  if (password.length >= 16 || (classes >= 3 && password.length >= 12)) return { score: 3, label: 'Strong' };
  return { score: 2, label: 'Fair', advice: 'Another word or two would make it stronger.' };
}

export function StrengthMeter({ password, minLength }: { password: string; minLength: number }) {
  if (!password) return <span>At least {minLength} characters.</span>;
  const strength = passwordStrength(password, minLength);
  return (
    <span className="strength" data-score={strength.score}>
      <span className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span aria-live="polite">
        <strong>{strength.label}</strong>
        {strength.advice ? ` · ${strength.advice}` : ''}
      </span>
    </span>
  );
}
