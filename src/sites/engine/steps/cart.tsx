import type { Hono } from 'hono';
import type { SelectionState } from '../../../core/schemas/episode-state.js';
import { MessagePage } from '../views/booking-pages.js';
import { PriceTable } from '../views/booking-pages.js';
import { formBody, type Env, type FlowStep, type StepKit } from './kit.js';
import { priceOfEpisode } from './pricing.js';

function ItemRow({ item, index }: { item: SelectionState; index: number }) {
  return (
    <li class="cart-item">
      <h2>{item.title}</h2>
      <ul>
        {item.options.map((o) => (
          <li>{o.quantity !== undefined ? `${o.label} × ${o.quantity}` : o.label}</li>
        ))}
      </ul>
      <form method="post" action="/cart/remove">
        <input type="hidden" name="slot" value={item.slot ?? 'main'} />
        <button type="submit" class="secondary" aria-label={`Remove item ${index + 1}: ${item.title}`}>
          Remove
        </button>
      </form>
    </li>
  );
}

/**
 * The cart: every item chosen for this booking (tickets of several attractions, several time
 * slots), with its price; remove an item, go on shopping, or check out all of them at once.
 * With `more: false` the cart holds one main choice and its further rounds (a cruise and its
 * excursions): no shopping for another main item.
 */
export const cartStep = (o: { more?: boolean } = {}): FlowStep => ({
  id: 'cart',
  entry: '/cart',
  label: () => 'Cart',
  ...(o.more === false ? {} : { meta: { cart: true as const } }),
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    app.get('/cart', (c) => {
      const state = c.get('state');
      if (!state.selection) return kit.render(c, 'cart', 'Your cart', <MessagePage heading="Your cart is empty" body="Search and add something to your cart first." />);
      const items = [state.selection, ...state.extraItems];
      const price = priceOfEpisode(site, world, state, {});
      return kit.render(
        c,
        'cart',
        'Your cart',
        <div class="cart">
          <h1>{`Your cart (${items.length} item${items.length === 1 ? '' : 's'})`}</h1>
          <ol class="cart-items">
            {items.map((it, i) => (
              <ItemRow item={it} index={i} />
            ))}
          </ol>
          {price ? <PriceTable price={price} /> : null}
          {o.more === false ? null : (
            <p>
              <a href="/">Continue shopping</a>
            </p>
          )}
          <p>
            <a class="button primary" href={kit.next(c, 'cart')}>
              Check out
            </a>
          </p>
        </div>,
      );
    });

    app.post('/cart/remove', async (c) => {
      const state = c.get('state');
      const slot = (await formBody(c)).slot ?? '';
      if (slot === 'main' || slot === '') {
        // The next item becomes the first one.
        const [next, ...rest] = state.extraItems;
        state.selection = next ? { ...next, slot: undefined } : null;
        if (state.selection) delete state.selection.slot;
        state.extraItems = rest;
      } else {
        state.extraItems = state.extraItems.filter((x) => x.slot !== slot);
      }
      if (state.form) state.form.accepted = false;
      state.cart = priceOfEpisode(site, world, state) ?? null;
      return c.redirect('/cart', 303);
    });
  },
});
