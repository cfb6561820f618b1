// "Nguyễn Văn Đức" → "nguyen van duc": đ is a letter of its own, not a d with a mark, so NFD alone misses it.
export const nameKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
