import { describe, expect, it } from 'vitest';
import { htmlText, latin1Html } from '@/lib/content/html';
import { renderMarkdown } from '@/lib/content/markdown';

describe('HTML built as strings', () => {
  it('escapes markup in text, so content shows as written', () => {
    expect(htmlText('<img src=x onerror="alert(1)"> & more')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; more');
  });

  it('writes characters beyond Latin-1 as references and keeps Latin-1 as it is', () => {
    expect(htmlText('Société — “Zürich” 🇪🇺')).toBe('Société &#8212; &#8220;Zürich&#8221; &#127466;&#127482;');
    expect(latin1Html('<p class="x">a — b</p>')).toBe('<p class="x">a &#8212; b</p>');
  });

  it('keeps rendered Markdown within Latin-1', () => {
    expect(renderMarkdown('We notify you — by **email** ✅')).toBe('<p>We notify you &#8212; by <strong>email</strong> &#9989;</p>');
  });
});
