/** The CSRF token Django expects on every unsafe request, from its cookie ("" before the first visit sets it). */
export function csrfToken() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return cookie ? decodeURIComponent(cookie.slice("csrftoken=".length)) : "";
}

/**
 * End this browser's session on the server now, even as the page unloads (`keepalive`): used by
 * the case file when it locks and by quick exit on any page. Resolves false if the server could
 * not be reached, so the caller can try again; true when done, or when there was nothing to end.
 */
export async function endServerSession() {
  const token = csrfToken();
  if (!token) return true; // never signed in from this browser: there is no session to end
  try {
    const response = await fetch("/api/v1/auth/logout/", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      keepalive: true,
      headers: { Accept: "application/json", "X-CSRFToken": token },
    });
    return response.ok;
  } catch {
    return false;
  }
}
