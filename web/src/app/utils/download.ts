// Files (imports, exports, 附件2/附件3, certificates) come from REST endpoints, not GraphQL, and
// need the session's bearer token, so they are fetched here and handed to the browser.
import { getAccessToken } from '../session';

/** A REST request the server refused: its status, message and (when given) error code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * fetch with the session's token. A refusal throws an HttpError carrying the server's message
 * (else `fallbackMessage(response)`, by default `HTTP <status>`).
 */
export async function fetchWithToken(
  path: string,
  init: RequestInit = {},
  fallbackMessage: (response: Response) => string = (response) => `HTTP ${response.status}`,
): Promise<Response> {
  const token = getAccessToken();
  const response = await fetch(path, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  if (!response.ok) {
    let message = fallbackMessage(response);
    let code: string | undefined;
    try {
      const body = (await response.json()) as { message?: string; code?: string };
      message = body.message ?? message;
      code = body.code;
    } catch {
      // not JSON
    }
    throw new HttpError(response.status, message, code);
  }
  return response;
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of an RFC 5987 `filename*=UTF-8''…` Content-Disposition, if there is one. */
export function dispositionFileName(disposition: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : undefined;
}
