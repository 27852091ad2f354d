import { getAccessToken } from '../../app/session';

/** The REST downloads of 附件2/附件3/certificates need the bearer token, so they go through fetch. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${getAccessToken() ?? ''}` } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ message: response.statusText }));
    throw new Error(body.message ?? response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const formPaths = {
  nominationPdf: (id: string) => `/api/awards/nominations/${id}/form.pdf`,
  nominationXlsx: (id: string) => `/api/awards/nominations/${id}/form.xlsx`,
  certificate: (id: string) => `/api/awards/nominations/${id}/certificate.pdf`,
  summaryXlsx: (year: number, unit: string) => `/api/awards/campaigns/${year}/units/${unit}/summary.xlsx`,
  summaryPdf: (year: number, unit: string) => `/api/awards/campaigns/${year}/units/${unit}/summary.pdf`,
};
