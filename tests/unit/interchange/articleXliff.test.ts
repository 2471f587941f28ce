import { describe, expect, it } from 'vitest';
import { writeArticleXliff, type ArticleForXliff } from '../../../src/interchange/articleXliff';
import { readXliff } from '../../../src/interchange/xliffReader';
import { segmentDocument } from '../../../src/segmentation/document';
import { xliffSchema, xmllint } from './files';

const MT = "# Talks in Paris\n\nThe comfort force was discussed. Trump's prices & 10%prices.\n\n- one item\n- two items\n";

function article(): ArticleForXliff {
  const document = segmentDocument(MT);
  return {
    language: 'en',
    title: 'Talks <Paris>',
    leading: document.leading,
    segments: document.segments.map((segment, index) => ({
      mt: segment.text,
      text: index === 1 ? 'The reassurance force was discussed.' : segment.text,
      status: (['approved', 'edited', 'rejected', 'new'] as const)[index % 4]!,
      paragraph: segment.paragraph,
      separator: segment.separator,
    })),
  };
}

describe('writeArticleXliff', () => {
  const xml = writeArticleXliff(article());

  it("when an article is exported, then it is valid XLIFF 2.0 with both languages the article's", () => {
    expect(xmllint(xml, xliffSchema('2.0')).valid).toBe(true);
    const { document } = readXliff(xml);
    expect([document.version, document.sourceLanguage, document.targetLanguage]).toEqual(['2.0', 'en', 'en']);
  });

  it('when it is read back, then the MT is the source, the correction the target, one unit per paragraph, states mapped', () => {
    const { segments } = readXliff(xml);
    expect(segments.map((segment) => [segment.paragraph, segment.source, segment.mt, segment.state])).toEqual([
      [0, 'Talks in Paris', 'Talks in Paris', 'reviewed'],
      [1, 'The comfort force was discussed.', 'The reassurance force was discussed.', 'translated'],
      [1, "Trump's prices & 10%prices.", "Trump's prices & 10%prices.", 'translated'],
      [2, 'one item', 'one item', 'initial'],
      [2, 'two items', 'two items', 'reviewed'],
    ]);
    expect(xml).toContain('<segment id="s3" state="translated" subState="redline:rejected">');
  });

  it('when the sources and ignorables are joined in order, then the MT article comes back exactly', () => {
    const pieces = [...xml.matchAll(/<source>([\s\S]*?)<\/source>/g)].map((match) =>
      match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    );
    expect(pieces.join('')).toBe(MT);
  });

  it('when the article has no segments, then the export is refused', () => {
    expect(() => writeArticleXliff({ language: 'en', segments: [] })).toThrow(/no segments/);
  });
});

describe('writeArticleXliff for a bilingual article', () => {
  it('when a source language is given, then each segment source is its <source> and srcLang the source language', () => {
    const xml = writeArticleXliff({
      language: 'en',
      sourceLanguage: 'fr',
      segments: [
        {
          source: 'Une force de réassurance.',
          mt: 'A comfort force.',
          text: 'A reassurance force.',
          status: 'edited',
          paragraph: 0,
          separator: '',
        },
      ],
    });
    expect(xml).toContain('srcLang="fr" trgLang="en"');
    expect(xml).toContain('<source>Une force de réassurance.</source><target>A reassurance force.</target>');
    expect(xml).not.toContain('A comfort force.');
  });
});
