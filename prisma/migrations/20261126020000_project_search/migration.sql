-- Project search by whole-word prefixes ("hugo rodri", a fiscal id, a phone number) instead of substrings: a trigram
-- index intersects one posting list per three letters (14 for "hugo rodriguez", 10 ms at 100k projects), the word index
-- one per word.
ALTER TABLE "projects" ADD COLUMN "search_words" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', "search_text")) STORED;
CREATE INDEX "projects_search_words_idx" ON "projects" USING gin ("search_words");
DROP INDEX "projects_search_text_trgm_idx";
