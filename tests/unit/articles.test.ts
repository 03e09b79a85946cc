/** Unit tests of article splitting, noise dropping, outlet credit, dates and the source manifest. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectHostingSite, splitArticles } from '../../lib/corpus/articles';
import { classifyLine, cleanLine, stripGluedTag } from '../../lib/corpus/noise';
import { parseDateLine } from '../../lib/corpus/dates';
import { outletByUrl } from '../../lib/corpus/outlets';

const page = (...paragraphs: string[]) => paragraphs.join('\n\n');
const body = (text: string) => splitArticles('900', text).flatMap((d) => d.body.map((b) => b.text));

describe('noise', () => {
  it.each([
    'Advertisement', 'Share', 'Related image', 'Image may contain: airplane', 'Photo AFP', 'Iamge source Times of India',
    'Photo courtesy of REUTERS/Alexei Druzhinin/RIA Novosti/Kremlin', 'READ ALSO: Head Of Prisons Resigns',
    'inRead invented by Teads', 'Voir l\'image sur Twitter', 'Posts Tagged ‘Assad’', '.',
  ])('drops %s', (line) => expect(classifyLine(line)).toBe('noise'));

  it('treats cookie banners as boilerplate and bylines/credits as closers', () => {
    expect(classifyLine('This website uses cookies to improve your experience.')).toBe('boilerplate');
    expect(classifyLine('(Reporting by Phil Stewart)')).toBe('closer');
    expect(classifyLine('by Delil Souleiman')).toBe('closer');
    expect(classifyLine('https://www.theguardian.com/world/2017/jun/19/x')).toBe('closer');
    expect(classifyLine('By the end of the week, 40 people had died.')).toBe('text');
  });

  it('strips photo credits, URLs and tweet handles from kept lines', () => {
    expect(cleanLine('© AFP / by X Y | Fighters chat in Raqa on June 11')).toBe('Fighters chat in Raqa on June 11');
    expect(cleanLine('Jets over Iraq. At least 17 were killed. PHOTO: US AIR FORCE / AFP')).toBe('Jets over Iraq. At least 17 were killed.');
    expect(cleanLine('Jets at the base, Nov. 11, 2015. (SANA via AP)')).toBe('Jets at the base, Nov. 11, 2015.');
    expect(cleanLine('@RT_comCoalition jets to be tracked – Moscow https://on.rt.com/8f9g pic.twitter.com/PHq', ['RT_com']))
      .toBe('Coalition jets to be tracked – Moscow');
  });

  it('strips glued tag words only when they echo the headline', () => {
    expect(stripGluedTag('Syria AleppoNearly 30 air strikes hit', 'Air strikes Pound Syria’s Aleppo')).toBe('Nearly 30 air strikes hit');
    expect(stripGluedTag('united statesU.S. Secretary of State', 'United States To Press Russia')).toBe('U.S. Secretary of State');
    expect(stripGluedTag('WhatsApp said on Monday', 'Messaging Firm Sued')).toBe('WhatsApp said on Monday');
    expect(stripGluedTag('McCain said on Monday', 'McCain Criticises Russia')).toBe('McCain said on Monday');
  });
});

describe('splitArticles', () => {
  it('splits at headlines and closers, keeps headlines and drops furniture from the body', () => {
    const drafts = splitArticles('900', page(
      'Share', 'Rebels Retake Town In North Syria', 'June 19, 2017', 'AFP',
      'ALEPPO (AFP) – Rebels retook the town of Foo on Monday, a monitor said.', 'Advertisement',
      'The fighting killed 12 people.', 'by Jane Doe', 'Second story about a ceasefire in the south',
      'A ceasefire took hold in the south on Tuesday, officials said.', '(Reporting by John Roe)',
    ));
    expect(drafts.map((d) => d.article.id)).toEqual(['900-L3', '900-L17']);
    const [first, second] = drafts;
    expect(first?.body.map((b) => b.text)).toEqual([
      'Rebels Retake Town In North Syria',
      'ALEPPO (AFP) – Rebels retook the town of Foo on Monday, a monitor said.',
      'The fighting killed 12 people.',
    ]);
    expect(first?.article.credit).toEqual({ outlet: 'AFP', creditType: 'dateline', evidence: 'ALEPPO (AFP) –' });
    expect(first?.article).toMatchObject({ date: '2017-06-19', dateText: 'June 19, 2017', lastLine: 15 });
    expect(second?.article.credit).toEqual({ outlet: null, creditType: 'credit_line_without_outlet', evidence: null });
  });

  it('credits an agency label, a credit line and a source URL, but not photo credits', () => {
    const label = splitArticles('900', page('Talks Resume In Geneva', 'Reuters', 'Talks resumed on Monday in Geneva.'));
    expect(label[0]?.article.credit).toMatchObject({ outlet: 'Reuters', creditType: 'agency_label' });
    const url = splitArticles('900', page('Jet shot down', 'A jet was shot down on Sunday.', 'https://www.telegraph.co.uk/news/2017/x/'));
    expect(url[0]?.article.credit).toMatchObject({ outlet: 'The Telegraph', creditType: 'source_url' });
    const text = splitArticles('900', page('Talks end', 'Text by FRANCE 24', 'Talks ended on Monday.'));
    expect(text[0]?.article.credit).toEqual({ outlet: 'FRANCE 24', creditType: 'credit_line', evidence: 'Text by FRANCE 24' });
    const photo = splitArticles('900', page('Jets Fly Over Raqa', 'Jets flew over Raqa. PHOTO: US AIR FORCE / AFP', 'Photo AFP',
      '© Reuters', 'The strikes killed 20 people on Sunday.'));
    expect(photo[0]?.article.credit.outlet).toBeNull();
  });

  it('does not credit an outlet cited for a quote or in a round-up, but does credit sole in-text reporting', () => {
    const quote = splitArticles('900', page('Truce Holds In Aleppo', 'A truce held on Thursday.', 'A U.N. official told Reuters the talks had stalled.'));
    expect(quote[0]?.article.credit.outlet).toBeNull();
    const roundup = splitArticles('900', page('ISIS Leader Killed', 'According to ABC News, the leader was hit.',
      'In another blow, Reuters reports that Sinjar was retaken.', 'CNN adds that the Pentagon would not confirm.'));
    expect(roundup[0]?.article.credit.outlet).toBeNull();
    const own = splitArticles('900', page('Shipping More To Syria', 'Moscow shipped more than it removed, a Reuters analysis shows.',
      'Ships sailed from Novorossiysk.'));
    expect(own[0]?.article.credit).toEqual({ outlet: 'Reuters', creditType: 'in_text_attribution', evidence: 'a Reuters analysis shows' });
  });

  it('makes an embedded tweet its own item credited by its handle, nested in its host', () => {
    const drafts = splitArticles('900', page('Russia Halts Cooperation', 'Text by FRANCE 24', 'Russia halted cooperation on Monday.',
      'URGENT: Russian military halts interactions with US – Moscow https://on.rt.com/8f9g pic.twitter.com/w27z', 'RT',
      '@RT_comCoalition jets to be tracked as targets – Moscow https://on.rt.com/8f9g', 'View image on Twitter',
      'The incident marked a first.'));
    const embed = drafts.find((d) => d.article.kind === 'embed');
    expect(embed?.article.credit).toEqual({ outlet: 'RT', creditType: 'embedded_tweet_handle', evidence: '@RT_com' });
    expect(embed?.body.map((b) => b.text)).toEqual(['URGENT: Russian military halts interactions with US – Moscow', 'Coalition jets to be tracked as targets – Moscow']);
    const host = drafts.find((d) => d.article.kind === 'article');
    expect(host?.article.credit.outlet).toBe('FRANCE 24');
    expect(host?.body.map((b) => b.text)).not.toContain('RT');
  });

  it('splits run-together text into more than one article and keeps cookie banners out of the body', () => {
    const doc = readFileSync(new URL('../../data/sources/000_f504a6e6d2785011.txt', import.meta.url), 'utf8');
    const drafts = splitArticles('000', doc);
    expect(drafts.length).toBeGreaterThan(10);
    expect(drafts.at(-1)?.article).toMatchObject({ kind: 'boilerplate', firstLine: 394 });
    expect(drafts.flatMap((d) => d.body).some((b) => /cookies/i.test(b.text))).toBe(false);
    expect(drafts.every((d) => d.article.credit.outlet === null)).toBe(true);
  });
});

describe('dates', () => {
  it('parses date lines deterministically and ignores dates inside sentences', () => {
    expect(parseDateLine('Updated June 18, 2017 11:01 p.m. ET')).toEqual({ iso: '2017-06-18', text: 'June 18, 2017' });
    expect(parseDateLine('Latest update : 2017-06-19')).toEqual({ iso: '2017-06-19', text: '2017-06-19' });
    expect(parseDateLine('On April 12, the UN Security Council is to vote.')).toBeNull();
    expect(parseDateLine('June 19')).toBeNull();
  });
});

describe('outlets table', () => {
  it('maps article URLs to outlets by domain', () => {
    expect(outletByUrl('http://en.farsnews.com/newstext.aspx?nn=1')?.name).toBe('Fars News Agency');
    expect(outletByUrl('https://www.wsj.com/articles/x')?.name).toBe('The Wall Street Journal');
    expect(outletByUrl('https://example.com/wsj.com')).toBeNull();
  });
});

describe('labelled sentences and the manifest', () => {
  const file = (name: string) => readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8');
  const manifest = JSON.parse(readFileSync(new URL('../../data/sources.json', import.meta.url), 'utf8')) as {
    documents: Array<{ id: string; file: string; hostingSite: string; evidence: Array<{ line: number; text: string }> }>;
  };

  it('keeps every labelled claim sentence inside some article body', () => {
    const clusters = JSON.parse(readFileSync(new URL('../fixtures/dev-eval/claim-clusters.json', import.meta.url), 'utf8')) as
      Array<{ members: Array<{ file: string; line: number; sentence: string }> }>;
    const bodies = new Map<string, string>();
    for (const { file: name } of manifest.documents) {
      for (const d of splitArticles(name.slice(0, 3), file(name))) for (const b of d.body) bodies.set(`${name}:${b.line}`, b.text);
    }
    const members = clusters.flatMap((c) => c.members);
    const missing = members.filter((m) => !(bodies.get(`${m.file}:${m.line}`) ?? '').includes(m.sentence));
    console.log(`labelled claim sentences found in a body: ${members.length - missing.length}/${members.length}`);
    expect(missing).toEqual([]);
  });

  it('agrees with detectHostingSite for all five files', () => {
    expect(manifest.documents).toHaveLength(5);
    for (const doc of manifest.documents) {
      const detected = detectHostingSite(file(doc.file));
      expect({ id: doc.id, hostingSite: doc.hostingSite, evidence: doc.evidence }).toEqual({ id: doc.file.slice(0, 3), ...detected });
      for (const e of doc.evidence) expect(file(doc.file).split('\n')[e.line - 1]).toContain(e.text);
    }
    expect(manifest.documents.find((d) => d.id === '002')?.hostingSite).toBe('Peace and Freedom');
  });
});
