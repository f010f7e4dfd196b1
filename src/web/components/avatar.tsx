/** Initials on a colour derived from the name, so the same person always looks the same. */
export function Avatar({ name, size = 'md', square = false, src }: { name: string; size?: 'sm' | 'md' | 'lg'; square?: boolean; src?: string | null }) {
  if (src) return <img className={`avatar avatar-${size}${square ? ' avatar-square' : ''} avatar-image`} src={src} alt="" aria-hidden="true" />;
  const clean = name.trim() || '?';
  const words = clean.split(/\s+/);
  const initials = (words.length > 1 ? words[0]![0]! + words[words.length - 1]![0]! : clean.slice(0, 2)).toUpperCase();
  let hash = 0;
  for (const char of clean) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return (
    <span
      className={`avatar avatar-${size}${square ? ' avatar-square' : ''}`}
      style={{ backgroundColor: `hsl(${hash} 55% 90%)`, color: `hsl(${hash} 45% 28%)` }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}
