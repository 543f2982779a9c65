// Text helpers for the JUnit XML files the demo and doctest write.

/** Escapes text for an XML attribute or element, dropping the control characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** JUnit's `time` attribute: seconds with millisecond precision. */
export function junitSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
