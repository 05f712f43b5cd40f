// What both browser suites know of corpus/: the two documents, as the parser
// titles them, and one address of every page kind. The Playwright suite
// (tests/e2e/fixtures.ts) and the WebDriver suite (tests/webdriver/) read
// them from here.
export const QUAD = {
  id: 'quad-foreign-ministers-2025',
  title: '川普2.0四方外長二次會的合作進展與意涵',
};
export const CHAPTER = {
  id: 'indo-pacific-minilateralism',
  title: '印太地區小多邊主義的現況與前景',
};

/** Every page kind: the library, a document, a note, search, the glossary. */
export const PAGE_KINDS = [
  './',
  `./#/doc/${QUAD.id}`,
  `./#/doc/${CHAPTER.id}/n5`,
  './#/search?q=%E5%9B%9B%E6%96%B9',
  './#/glossary',
];
