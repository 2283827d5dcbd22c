/** The CSRF token Django expects on every unsafe request, from its cookie ("" before the first visit sets it). */
export function csrfToken() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return cookie ? decodeURIComponent(cookie.slice("csrftoken=".length)) : "";
}
