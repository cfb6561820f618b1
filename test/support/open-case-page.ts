import type { Page } from 'playwright-core';
import { choose } from './browser';

// The page "Tạo hồ sơ mới" as a counsellor fills it, shared by the specs that open a case through it.

export type NewLearner = { name: string; born: string; sex: 'Nam' | 'Nữ'; className: string };

// Starts recording a learner the search did not find; the caller saves (or first adds a guardian).
export const fillNewLearner = async (page: Page, learner: NewLearner): Promise<void> => {
  await page.getByRole('button', { name: 'Học sinh chưa có trong danh sách: thêm mới' }).click();
  await page.getByLabel('Họ và tên', { exact: true }).fill(learner.name);
  await page.getByLabel('Ngày sinh').fill(learner.born);
  await choose(page, page.getByLabel('Giới tính', { exact: true }), learner.sex);
  await page.getByLabel('Lớp', { exact: true }).fill(learner.className);
};

export type NewReport = {
  channel: string;
  reporter?: string;
  areas: string[];
  risk: 'Thấp' | 'Trung bình' | 'Cao' | 'Nghiêm trọng';
  rationale: string;
  summary: string;
};

// The report's half of the page; the ticked areas rank in the order the page lists them until moved.
export const fillReport = async (page: Page, report: NewReport): Promise<void> => {
  await choose(page, page.getByLabel('Kênh tiếp nhận', { exact: true }), report.channel);
  if (report.reporter) await page.getByLabel('Họ tên người báo tin').fill(report.reporter);
  for (const area of report.areas) await page.getByRole('checkbox', { name: area }).check();
  await choose(page, page.getByLabel('Mức độ nguy cơ', { exact: true }), report.risk);
  await page.getByLabel('Lý do đánh giá mức độ nguy cơ').fill(report.rationale);
  await page.getByLabel('Tóm tắt').fill(report.summary);
};
