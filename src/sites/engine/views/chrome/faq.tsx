import type { FaqEntry } from '../../chrome/texts.js';

/** Questions and answers, each answer behind its question (a disclosure), as real help sections fold them. */
export function Faq({ entries }: { entries: FaqEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="wfc-faq" aria-labelledby="wfc-faq-h">
      <h2 id="wfc-faq-h">Frequently asked questions</h2>
      {entries.map((e) => (
        <details>
          <summary>{e.question}</summary>
          <p>{e.answer}</p>
        </details>
      ))}
    </section>
  );
}
