/** The Glassbox mark: a glass pane with two bars. Decorative (the title names the app). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect x="3" y="3" width="26" height="26" rx="6" fill="#eef3fb" stroke="#1c3d6e" strokeWidth="2.5" />
      <rect x="9.5" y="15" width="4.5" height="9" rx="1" fill="#3662a9" />
      <rect x="18" y="8.5" width="4.5" height="15.5" rx="1" fill="#1c3d6e" />
    </svg>
  );
}
