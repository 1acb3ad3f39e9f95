import { Layout, type Nav } from './layout.js';

/** What a person sees when a run cannot be read: what is wrong and what to do, never a stack. */
export function ErrorPage(props: { nav: Nav; title: string; message: string; hint: string | null }) {
  return (
    <Layout title={props.title} nav={props.nav}>
      <section class="error-page" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">{props.title}</h1>
        <pre>{props.message}</pre>
        {props.hint ? (
          <p>
            <strong>What to do:</strong> {props.hint}
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
