import { sessionStore } from '../session/sessionStore';
import { isProblem, type Problem } from './problem';

// A file the API generates (a form, a report), fetched with the session's token and handed to the browser to save
// under `fileName`. A refusal comes back as the API's problem for the page to show ('failed' when the answer was
// not one); nothing is saved then.
// `method`: POST for a file whose making is itself recorded (a data request's export answers the request).
export const downloadFile = async (
  path: string,
  fileName: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<Problem | 'failed' | null> => {
  const res = await fetch(path, { method, headers: { Authorization: `Bearer ${sessionStore.get()?.token ?? ''}` } });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    return isProblem(body) ? body : 'failed';
  }
  saveFile(await res.blob(), fileName);
  return null;
};

// Content the page already holds (an answer carrying its files), handed to the browser to save under `fileName`.
export const saveFile = (content: Blob, fileName: string): void => {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
};
