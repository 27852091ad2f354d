import Icon from '@ant-design/icons';

// A key drawn plainly (bow, shaft, two bits): antd's KeyOutlined reads as a magnifier at 14 px.
function KeySvg() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <circle cx="7" cy="17" r="4" />
      <path d="M10 14 21 3" />
      <path d="M17 7l3 3" />
      <path d="M14.5 9.5l2 2" />
    </svg>
  );
}

/** The change-password button's icon. */
export function KeyIcon() {
  return <Icon component={KeySvg} data-testid="key-icon" />;
}
