import type { Hono } from 'hono';
import { HomePage } from '../views/home-page.js';
import type { Env, FlowStep, StepKit } from './kit.js';
import { displayValue } from './shared.js';

/** The home page: the site's search form, refilled from the query or the episode's last search. */
export const searchStep = (): FlowStep => ({
  id: 'search',
  entry: '/',
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    app.get('/', (c) => {
      const state = c.get('state');
      const values: Record<string, string> = {};
      const fromQuery = site.searchFields.some((f) => c.req.query(f.name) !== undefined);
      for (const f of site.searchFields) {
        const v = fromQuery ? c.req.query(f.name) : state.search?.params[f.name];
        if (v !== undefined && v !== '') values[f.name] = f.kind === 'autocomplete' ? displayValue(site, world, f.name, v) : String(v);
      }
      return kit.render(c, 'search', site.tagline, <HomePage site={site} values={values} errors={{}} />);
    });
  },
});
