import type { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { AccountState, SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import { EMAIL } from '../forms.js';
import { ErrorSummary } from '../views/layout.js';
import { episodeOf, formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';

const account = (state: SiteEpisodeState): AccountState => (state.account ??= { users: [], signedIn: null, guest: false });

/** Passwords are never in the episode state: hashed, per episode and site, in the server's memory. */
const hash = (episode: string, email: string, password: string) => createHash('sha256').update(`${episode}\n${email}\n${password}`).digest('hex');

function Field({ id, label, type, value, error, autocomplete }: { id: string; label: string; type: string; value?: string; error?: string; autocomplete?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id.replace(/^[a-z]+-/, '')} type={type} value={value ?? ''} autocomplete={autocomplete} aria-invalid={error ? 'true' : undefined} />
      {error ? <p class="field-error">{error}</p> : null}
    </div>
  );
}

type View = { notice?: string; errors: Record<string, string>; values: Record<string, string> };

/**
 * The account wall before checkout: sign in, create an account (then sign in with it), or,
 * where the site allows it, continue as a guest. The episode records who registered (never a
 * password), who is signed in, and whether the visitor went on as a guest.
 */
export const accountStep = (o: { guest: boolean }): FlowStep => ({
  id: 'account',
  entry: '/account',
  label: () => 'Sign in',
  done: (state) => state.account !== null && (state.account.signedIn !== null || (o.guest && state.account.guest)),
  meta: { account: { guest: o.guest } },
  register(app: Hono<Env>, kit: StepKit) {
    const passwords = new Map<string, string>();
    const page = (c: C, v: View, status: 200 | 422 = 200) => {
      const state = c.get('state');
      const acc = state.account;
      const signedIn = acc?.signedIn;
      return kit.render(
        c,
        'account',
        'Sign in or create an account',
        <div class="account">
          <h1>{signedIn ? `Signed in as ${signedIn}` : o.guest ? 'Sign in, create an account or continue as a guest' : 'Sign in or create an account to book'}</h1>
          {v.notice ? (
            <p class="notice" role="status">
              {v.notice}
            </p>
          ) : null}
          <ErrorSummary errors={v.errors} />
          {signedIn ? (
            <p>
              <a class="button primary" href={kit.next(c, 'account')}>
                Continue with this account
              </a>
            </p>
          ) : (
            <>
              <section aria-labelledby="sign-in-title">
                <h2 id="sign-in-title">Sign in</h2>
                <form method="post" action="/account/sign-in" novalidate>
                  <Field id="signin-email" label="Email address" type="email" value={v.values['signin-email']} error={v.errors['signin-email']} autocomplete="username" />
                  <Field id="signin-password" label="Password" type="password" error={v.errors['signin-password']} autocomplete="current-password" />
                  <button type="submit" class="primary">
                    Sign in
                  </button>
                </form>
              </section>
              <section aria-labelledby="register-title">
                <h2 id="register-title">Create an account</h2>
                <form method="post" action="/account/register" novalidate>
                  <Field id="register-name" label="Full name" type="text" value={v.values['register-name']} error={v.errors['register-name']} autocomplete="name" />
                  <Field id="register-email" label="Email for the account" type="email" value={v.values['register-email']} error={v.errors['register-email']} autocomplete="email" />
                  <Field id="register-password" label="Choose a password" type="password" error={v.errors['register-password']} autocomplete="new-password" />
                  <p class="hint">At least 8 characters, with a letter and a digit.</p>
                  <button type="submit">Create account</button>
                </form>
              </section>
              {o.guest ? (
                <section aria-labelledby="guest-title">
                  <h2 id="guest-title">No account?</h2>
                  <form method="post" action="/account/guest">
                    <button type="submit" class="secondary">
                      Continue as a guest
                    </button>
                  </form>
                </section>
              ) : (
                <p>You need an account to book on this site.</p>
              )}
            </>
          )}
        </div>,
        status,
      );
    };

    app.get('/account', (c) => page(c, { errors: {}, values: {} }));

    app.post('/account/register', async (c) => {
      const state = c.get('state');
      const body = await formBody(c);
      const name = (body.name ?? '').trim();
      const email = (body.email ?? '').trim().toLowerCase();
      const password = body.password ?? '';
      const errors: Record<string, string> = {};
      if (!/\p{L}/u.test(name)) errors['register-name'] = 'Enter your full name';
      if (!EMAIL.test(email)) errors['register-email'] = 'Enter an email address like name@example.com';
      else if (account(state).users.some((u) => u.email === email)) errors['register-email'] = 'An account with this email already exists: sign in instead';
      if (password.length < 8 || !/\p{L}/u.test(password) || !/\d/.test(password)) errors['register-password'] = 'Choose a password of at least 8 characters with a letter and a digit';
      if (Object.keys(errors).length > 0) return page(c, { errors, values: { 'register-name': name, 'register-email': email } }, 422);
      account(state).users.push({ email, name });
      passwords.set(`${episodeOf(c)}|${email}`, hash(episodeOf(c), email, password));
      return page(c, { notice: `Account created for ${email}. Sign in to continue.`, errors: {}, values: { 'signin-email': email } });
    });

    app.post('/account/sign-in', async (c) => {
      const state = c.get('state');
      const body = await formBody(c);
      const email = (body.email ?? '').trim().toLowerCase();
      const known = passwords.get(`${episodeOf(c)}|${email}`);
      if (!known || known !== hash(episodeOf(c), email, body.password ?? '')) {
        return page(c, { errors: { 'signin-password': 'The email or password is not right' }, values: { 'signin-email': email } }, 422);
      }
      account(state).signedIn = email;
      account(state).guest = false;
      return c.redirect(kit.next(c, 'account'), 303);
    });

    app.post('/account/guest', (c) => {
      if (!o.guest) return page(c, { errors: { guest: 'This site needs an account to book' }, values: {} }, 422);
      const acc = account(c.get('state'));
      acc.guest = true;
      acc.signedIn = null;
      return c.redirect(kit.next(c, 'account'), 303);
    });
  },
});
