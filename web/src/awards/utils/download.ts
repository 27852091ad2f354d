import { fetchWithToken, saveBlob } from '../../app/utils/download';

/** The REST downloads of 附件2/附件3/certificates need the bearer token, so they go through fetch. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await fetchWithToken(path, {}, (refused) => refused.statusText);
  saveBlob(await response.blob(), filename);
}

export const formPaths = {
  nominationPdf: (id: string) => `/api/awards/nominations/${id}/form.pdf`,
  nominationXlsx: (id: string) => `/api/awards/nominations/${id}/form.xlsx`,
  certificate: (id: string) => `/api/awards/nominations/${id}/certificate.pdf`,
  summaryXlsx: (year: number, unit: string) => `/api/awards/campaigns/${year}/units/${unit}/summary.xlsx`,
  summaryPdf: (year: number, unit: string) => `/api/awards/campaigns/${year}/units/${unit}/summary.pdf`,
};
