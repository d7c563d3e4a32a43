import type { ImportItem } from '../../../src/main/importing/importItem';
import type { BodyDoc, Language } from '../../../src/shared/domain/article';
import { ARABIC_HEAD, ARABIC_PHRASES, FRENCH_HEAD, FRENCH_PHRASES } from './archiveWords';

/** A small, fast, seeded generator: the same seed gives the same archive. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR_ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'ch',
  'tr',
  'pr',
  'gr',
  'br',
];
const FR_VOWELS = ['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ou', 'ai', 'an', 'on', 'in', 'eu'];
const FR_ENDS = ['', '', 's', 'tion', 'ment', 'té', 'eur', 'ique', 'age', 'iste'];
const AR_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');

function syntheticFrench(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word +=
      FR_ONSETS[Math.floor(random() * FR_ONSETS.length)]! +
      FR_VOWELS[Math.floor(random() * FR_VOWELS.length)]!;
  }
  return word + FR_ENDS[Math.floor(random() * FR_ENDS.length)]!;
}

function syntheticArabic(random: () => number): string {
  const length = 3 + Math.floor(random() * 4);
  let word = random() < 0.4 ? 'ال' : '';
  for (let i = 0; i < length; i++) word += AR_LETTERS[Math.floor(random() * AR_LETTERS.length)]!;
  return random() < 0.2 ? `${word}ة` : word;
}

/** A vocabulary ranked by frequency with Zipf's law (s ≈ 1), sampled by binary search on the cumulative sum. */
export class ZipfVocabulary {
  readonly words: string[];
  private readonly cumulative: Float64Array;

  constructor(head: string[], size: number, synth: () => string) {
    const seen = new Set(head);
    const words = [...head];
    while (words.length < size) {
      const w = synth();
      if (!seen.has(w)) {
        seen.add(w);
        words.push(w);
      }
    }
    this.words = words;
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let r = 0; r < size; r++) {
      sum += 1 / Math.pow(r + 1, 1.05);
      this.cumulative[r] = sum;
    }
  }

  sample(random: () => number): string {
    const x = random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

export interface GeneratedArticle {
  key: string;
  language: Language;
  kicker: string;
  headline: string;
  standfirst: string;
  body: BodyDoc;
  status: 'published' | 'draft' | 'spiked';
  section: string;
  tags: string[];
  authors: string[];
  createdAt: number;
  updatedAt: number;
}

/** A generated article as the importers hand it to the writer (no slug, no photo). */
export function importItemOf(a: GeneratedArticle): ImportItem {
  return {
    sourceKey: a.key,
    kicker: a.kicker,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    status: a.status,
    language: a.language,
    slug: '',
    section: a.section,
    tags: a.tags,
    authors: a.authors,
    featuredImage: null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const SECTIONS = [
  'Politique',
  'Économie',
  'International',
  'Société',
  'Culture',
  'Sports',
  'Régions',
  'Opinions',
];
const AUTHORS = Array.from({ length: 400 }, (_, i) => `Journaliste ${i + 1}`);
const THIRTY_YEARS = 30 * 365 * 86_400_000;

/**
 * A newspaper archive: 80% French and 20% Arabic articles over thirty years, words drawn from Zipf-ranked
 * vocabularies (real frequent words, plausible rare ones), a few set phrases, sections, tags and bylines.
 */
export interface ArchiveOptions {
  /** The newest date (ms). */
  end?: number;
  /**
   * Dates in article order, as an export lists them (WordPress's by post id, oldest first), for an archive of
   * this many articles; otherwise each article's date is drawn anywhere in the thirty years. The articles are
   * the same either way: only their dates move.
   */
  inDateOrderOf?: number | undefined;
}

export function createArchive(seed = 42, options: ArchiveOptions = {}) {
  const end = options.end ?? Date.UTC(2026, 0, 1);
  const inOrderOf = options.inDateOrderOf;
  const random = prng(seed);
  const fr = new ZipfVocabulary(FRENCH_HEAD.split(/\s+/).filter(Boolean), 60_000, () =>
    syntheticFrench(random),
  );
  const ar = new ZipfVocabulary(ARABIC_HEAD.split(/\s+/).filter(Boolean), 40_000, () =>
    syntheticArabic(random),
  );
  const tags = { fr: fr.words.slice(60, 2060), ar: ar.words.slice(40, 1040) };

  function sentence(vocab: ZipfVocabulary, phrases: string[], words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      if (random() < 0.01) out.push(phrases[Math.floor(random() * phrases.length)]!);
      else out.push(vocab.sample(random));
    }
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  function article(index: number): GeneratedArticle {
    const language: Language = random() < 0.8 ? 'fr' : 'ar';
    const vocab = language === 'fr' ? fr : ar;
    const phrases = language === 'fr' ? FRENCH_PHRASES : ARABIC_PHRASES;
    const paragraphs = 3 + Math.floor(random() * 6);
    const content = Array.from({ length: paragraphs }, () => ({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: Array.from({ length: 2 }, () =>
            sentence(vocab, phrases, 18 + Math.floor(random() * 14)),
          ).join(' '),
        },
      ],
    }));
    const place = random();
    const createdAt =
      inOrderOf === undefined
        ? end - Math.floor(place * THIRTY_YEARS)
        : end - THIRTY_YEARS + Math.floor(((index + place) / inOrderOf) * THIRTY_YEARS);
    const tagPool = tags[language === 'fr' ? 'fr' : 'ar'];
    return {
      key: `bench-${seed}-${index}`,
      language,
      kicker: vocab.sample(random),
      headline: sentence(vocab, phrases, 6 + Math.floor(random() * 6)).slice(0, -1),
      standfirst: sentence(vocab, phrases, 20 + Math.floor(random() * 15)),
      body: { type: 'doc', content },
      status: random() < 0.9 ? 'published' : random() < 0.5 ? 'draft' : 'spiked',
      section: SECTIONS[Math.floor(random() * SECTIONS.length)]!,
      tags: Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => tagPool[Math.floor(Math.pow(random(), 2) * tagPool.length)]!,
      ),
      authors: [AUTHORS[Math.floor(random() * AUTHORS.length)]!],
      createdAt,
      updatedAt: createdAt + Math.floor(random() * 86_400_000),
    };
  }

  return { fr, ar, article };
}
