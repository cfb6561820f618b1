import type { Language } from '../i18n/I18nProvider';
import type { components } from './openapiTypes';

export type Problem = components['schemas']['ProblemResponse'];

export const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'code' in body && 'message' in body && 'messageEn' in body;

// The API's own words, in the reader's language: a page never shows a bare code.
export const problemMessage = (problem: Problem, language: Language): string =>
  language === 'en' ? problem.messageEn : problem.message;

// A refusal of the API, thrown where a query wants an error: it keeps the problem body for the page to show.
export class ApiProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.messageEn);
  }
}

// openapi-fetch's answer as the data, or its problem thrown (anything else the server sent, as such).
export const dataOf = <T>({ data, error }: { data?: T; error?: unknown }): T => {
  if (error !== undefined) throw isProblem(error) ? new ApiProblemError(error) : new Error(JSON.stringify(error));
  return data as T;
};
