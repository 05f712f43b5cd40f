// The two documents in corpus/, as the parser titles them (the same facts
// the Playwright suite's tests/e2e/fixtures.ts names).
export const QUAD = {
  id: 'quad-foreign-ministers-2025',
  title: '川普2.0四方外長二次會的合作進展與意涵',
};
export const CHAPTER = {
  id: 'indo-pacific-minilateralism',
  title: '印太地區小多邊主義的現況與前景',
};
