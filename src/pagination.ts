/** Segments listed per page, on the review page and in the quality report alike. */
export const PAGE_SIZE = 100;

export interface Pagination {
  /** the page shown, 1-based, clamped to the pages there are */
  page: number;
  pageCount: number;
  /** how many items come before the page, and how many it holds at most */
  offset: number;
  limit: number;
}

/** Which slice of `total` items a requested page shows; an empty list still has one (empty) page. */
export function paginate(total: number, requestedPage: number, pageSize = PAGE_SIZE): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize, limit: pageSize };
}
