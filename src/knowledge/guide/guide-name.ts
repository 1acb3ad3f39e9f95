/** The guide's name, shared by its pages and the search engine's results. */
export const GUIDE_NAME = 'Wanderpedia';
