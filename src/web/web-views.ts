import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import { join } from 'node:path';
import { escapeHtml } from '../common/html-escape';
import { projectRoot } from '../common/project-root';
import { WebAssets } from './web-assets';
import type { Lang } from './web-language';
import { switchLanguageHref } from './web-language';
import { Translate, translator } from './web-messages';

/** What every page's layout needs: language, words, the switch link, the asset URLs. */
export interface PageFrame {
  lang: Lang;
  t: Translate;
  title: string;
  nav: 'scorecard' | 'digests' | 'review' | null;
  switchHref: string;
  assets: { css: string; js: string; icon: string };
  atom?: boolean;
}

/**
 * Eta templates in src/web/views (read from the source tree, also when running from dist/).
 * Eta escapes every `<%= %>` by default (with the same escapeHtml the digests use); only
 * `<%~ %>` writes raw markup, and the templates use it only for SVG the chart module drew and
 * for the layout's body.
 */
@Injectable()
export class WebViews {
  private readonly eta = new Eta({
    views: join(projectRoot(__dirname), 'src', 'web', 'views'),
    cache: true,
    autoEscape: true,
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- templates pass strings and numbers
    escapeFunction: (value: unknown) => escapeHtml(String(value ?? '')),
  });

  constructor(private readonly assets: WebAssets) {}

  frame(lang: Lang, originalUrl: string, title: (t: Translate) => string, nav: PageFrame['nav']): PageFrame {
    const t = translator(lang);
    return {
      lang,
      t,
      title: title(t),
      nav,
      switchHref: switchLanguageHref(originalUrl, lang === 'zh' ? 'en' : 'zh'),
      assets: { css: this.assets.url('site.css'), js: this.assets.url('site.js'), icon: this.assets.url('icon.svg') },
    };
  }

  render(view: string, frame: PageFrame, data: object): string {
    return this.eta.render(view, { ...frame, ...data });
  }
}
