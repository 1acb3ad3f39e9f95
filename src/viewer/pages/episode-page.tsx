import type { EpisodeDetail, StepView } from '../api/schema.js';
import { apiUrl, episodesUrl, fix, runUrl, seg, stepUrl } from './format.js';
import { Layout, type Nav } from './layout.js';

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '-' : s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

function Instruction(props: { d: EpisodeDetail; label: string }) {
  const ok = new Map(props.d.verdicts.map((v) => [v.id, v.satisfied]));
  return (
    <p class="instruction" aria-label={props.label}>
      {props.d.instruction.map((s) =>
        s.constraintId === null ? (
          s.text
        ) : (
          <mark class={`c ${ok.get(s.constraintId) ? 'ok' : 'no'}`} data-constraint={s.constraintId} title={`${s.constraintId}: ${ok.get(s.constraintId) ? 'satisfied' : 'not satisfied'} at the end`}>
            {s.text}
            <sub>{ok.get(s.constraintId) ? '✓' : '✗'}</sub>
          </mark>
        ),
      )}
    </p>
  );
}

function Salvage(props: { d: EpisodeDetail; run: string }) {
  const s = props.d.salvage;
  if (!s) return null;
  const phrase = (id: string) => props.d.constraints.find((c) => c.id === id)?.phrase ?? id;
  if (s.kind === 'dropped') {
    return (
      <section class="panel" aria-labelledby="h-salvage">
        <h2 id="h-salvage">Salvage: dropped</h2>
        <p>Salvage kept no row of this episode: {s.reason}.</p>
      </section>
    );
  }
  if (s.kind === 'explored') {
    return (
      <section class="panel" aria-labelledby="h-salvage">
        <h2 id="h-salvage">Explored: labeled in hindsight</h2>
        <p>
          A task-free exploration (the instruction above is the explorer's private intent, never its label). Its deepest surviving prefix, steps 0-{s.cut}, is labeled
          with the instruction below; every surviving prefix is a row of its own. Each step says what it changed.
        </p>
        <blockquote aria-label="Labeled instruction">{s.relabeledInstruction}</blockquote>
      </section>
    );
  }
  if (s.kind === 'success') {
    return (
      <section class="panel" aria-labelledby="h-salvage">
        <h2 id="h-salvage">Salvage: kept whole</h2>
        <p>A success: every step is a training example under the original instruction.</p>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="h-salvage">
      <h2 id="h-salvage">Salvage: cut and relabeled</h2>
      <p>
        Cut after{' '}
        <a href={stepUrl(props.run, props.d.summary.episodeId, s.cut!)} id="cut-link">
          step {s.cut}
        </a>{' '}
        (the first step at the best CSR, {fix(props.d.bestCsr)}): steps 0-{s.cut} are kept, {props.d.steps.length - 1 - s.cut!} later step
        {props.d.steps.length - 1 - s.cut! === 1 ? ' is' : 's are'} dropped, and a stop step is appended.
      </p>
      <div class="twocol">
        <div>
          <h3>Original instruction</h3>
          <blockquote aria-label="Original instruction">{s.originalInstruction}</blockquote>
        </div>
        <div>
          <h3>Relabeled instruction</h3>
          <blockquote aria-label="Relabeled instruction">{s.relabeledInstruction}</blockquote>
        </div>
      </div>
      <div class="twocol">
        <div>
          <h3>Kept constraints</h3>
          <ul aria-label="Kept constraints">
            {s.kept.map((id) => (
              <li>
                <span class="chip met">{id}</span> {phrase(id)}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Dropped constraints</h3>
          <ul aria-label="Dropped constraints">
            {s.dropped.map((id) => (
              <li>
                <span class="chip broke">{id}</span> {phrase(id)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {s.stopThought ? (
        <p>
          Appended stop step: <em>{s.stopThought}</em> <code>stop("done")</code>
        </p>
      ) : null}
    </section>
  );
}

function Grid(props: { d: EpisodeDetail; run: string }) {
  const { d } = props;
  const cut = d.salvage?.kind === 'salvaged' ? d.salvage.cut : null;
  const n = d.steps.length;
  return (
    <div class="grid-wrap">
      <table class="grid" aria-label="Constraints by step">
        <thead>
          <tr>
            <th class="c" scope="col">
              constraint \ step
            </th>
            {d.steps.map((s) => (
              <th scope="col" class={s.index === cut ? 'cut' : undefined}>
                <a href={`#step-${s.index}`}>{s.index}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.constraints.map((c) => (
            <tr>
              <th class="c" scope="row" title={c.phrase}>
                {c.id}{' '}
                <span class="muted">
                  {c.firstSatisfied === null ? 'never met' : `met at ${c.firstSatisfied}`}
                  {c.brokenAt !== null ? `, broken at ${c.brokenAt}` : ''}
                </span>
              </th>
              {Array.from({ length: n }, (_, i) => {
                const held = c.byStep[i];
                const first = i === c.firstSatisfied;
                const broke = !held && i > 0 && c.byStep[i - 1];
                const cls = [first ? 'first' : broke ? 'broke' : held ? 's' : '', i === cut ? 'cut' : ''].filter(Boolean).join(' ');
                return (
                  <td class={cls || undefined} title={`${c.id} after step ${i}: ${held ? 'satisfied' : 'not satisfied'}${first ? ' (first)' : broke ? ' (broken)' : ''}`}>
                    {first ? '●' : broke ? '✕' : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Verdicts(props: { d: EpisodeDetail }) {
  return (
    <table aria-label="Final verdicts">
      <thead>
        <tr>
          <th scope="col">constraint</th>
          <th scope="col">kind</th>
          <th scope="col">phrase</th>
          <th scope="col">verdict</th>
          <th scope="col">observed</th>
          <th scope="col">expected</th>
          <th scope="col">source</th>
        </tr>
      </thead>
      <tbody>
        {props.d.verdicts.map((v) => {
          const e = (v.evidence ?? {}) as { observed?: unknown; expected?: unknown; source?: string; field?: string };
          return (
            <tr>
              <th scope="row">{v.id}</th>
              <td>{v.kind}</td>
              <td>{v.phrase}</td>
              <td>
                <span class={`badge ${v.satisfied ? 'yes' : 'no'}`}>{v.satisfied ? 'satisfied' : 'not satisfied'}</span>
              </td>
              <td>
                <code>{short(e.observed)}</code>
              </td>
              <td>
                <code>{short(e.expected)}</code>
              </td>
              <td>{`${e.source ?? ''}${e.field ? ` (${e.field})` : ''}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What an explored step changed, and who said so. */
function changeText(c: NonNullable<StepView['change']>): string {
  if (c.source === 'unavailable') return `Changed: summary unavailable (${c.problem ?? 'no reason recorded'})`;
  return `Changed (${c.source === 'exact' ? 'exact, from the state' : 'a model, from the page'}): ${c.summary.join(' ') || 'nothing'}`;
}

function Timeline(props: { d: EpisodeDetail; run: string }) {
  const { d, run } = props;
  const cut = d.salvage?.kind === 'salvaged' ? d.salvage.cut : null;
  const salvaged = d.salvage !== null;
  const marks = d.screenshotMarks;
  return (
    <ol class="timeline" aria-label="Steps">
      {d.steps.map((s) => (
        <>
          <li id={`step-${s.index}`} class={[s.error ? 'has-error' : '', salvaged ? (s.kept ? 'kept' : 'dropped-step') : ''].filter(Boolean).join(' ') || undefined} aria-label={`Step ${s.index}`}>
            <div class="step-head">
              <a class="n" href={stepUrl(run, d.summary.episodeId, s.index)}>
                Step {s.index}
              </a>
              <code>{s.action}</code>
              <span class="muted">CSR {fix(s.csr)}</span>
              {s.met.map((id) => (
                <span class="chip met">+ {id}</span>
              ))}
              {s.broke.map((id) => (
                <span class="chip broke">− {id}</span>
              ))}
              <span class="muted">{Math.round(s.totalMs)} ms</span>
            </div>
            {s.thought ? <p class="thought">{s.thought}</p> : null}
            {s.change ? <p class="change">{changeText(s.change)}</p> : null}
            {s.error ? <p class="err">Error: {s.error}</p> : null}
            <div class="url">{s.url}</div>
            <details class="obs">
              <summary>Observation ({s.observationTokens} tokens)</summary>
              <pre class="obs">{s.observation}</pre>
            </details>
            {s.screenshot ? (
              <details class="shot" open>
                <summary>{marks ? 'Screenshot (what the agent saw, with set-of-marks: the numbers are the bids its actions name)' : 'Screenshot (what the agent saw)'}</summary>
                <a href={s.screenshot} title="full size">
                  <img class="shot" loading="lazy" src={s.screenshot} alt={`Screenshot before step ${s.index}`} />
                </a>
              </details>
            ) : null}
          </li>
          {s.index === cut ? (
            <li class="cut-marker" id="cut" role="note">
              ✂ Salvage cut here: steps 0-{cut} are kept, the steps below are dropped.
            </li>
          ) : null}
        </>
      ))}
    </ol>
  );
}

/** One episode: why it ended where it did, step by step, and what salvage made of it. */
export function EpisodePage(props: { nav: Nav; run: string; d: EpisodeDetail }) {
  const { d, run } = props;
  const s = d.summary;
  return (
    <Layout title={`${s.taskId} · ${run}`} nav={props.nav}>
      <p class="crumbs">
        <a href={runUrl(run)}>Run {run}</a> › <a href={episodesUrl(run)}>Episodes</a> › {s.episodeId}
      </p>
      <h1>Episode {s.episodeId}</h1>
      <p>
        <span class="badge">{s.site}</span> <span class={`badge ${s.status}`}>{s.status}</span> <span class={`badge ${s.kind}`}>{s.kind}</span>{' '}
        <span class={`badge ${s.sr ? 'yes' : 'no'}`}>SR {s.sr ? 'yes' : 'no'}</span> <span class="badge">CSR {fix(s.csr)}</span> <span class="badge">best CSR {fix(d.bestCsr)} at step {d.firstBestIndex}</span>{' '}
        <span class="badge">{s.steps} steps</span> <span class="badge">{d.agent}</span> <span class="badge">{(d.durationMs / 1000).toFixed(1)} s</span>
        {d.attempts > 1 ? <span class="badge">{d.attempts} attempts</span> : null}
      </p>
      <h2>Instruction</h2>
      <Instruction d={d} label="Instruction with its constraints" />
      {s.injectedErrors.length ? (
        <p>
          <strong>Injected teacher errors:</strong> {s.injectedErrors.join('; ')}
        </p>
      ) : null}
      {d.error ? <p class="err">Episode error: {d.error}</p> : null}
      {d.answer ? <p>Final answer: {d.answer}</p> : null}
      <Salvage d={d} run={run} />
      <h2>CSR over the steps</h2>
      <figure class="chart" data-episode-api={apiUrl(`/runs/${seg(run)}/episodes/${seg(s.episodeId)}`)}>
        <div class="box">
          <canvas id="chart-curve" role="img" aria-label={`CSR curve: ${d.curve.map((c) => fix(c)).join(', ')}`}></canvas>
        </div>
      </figure>
      <h2>Constraints by step</h2>
      <p class="muted">● first satisfied after that step · green: holds · ✕ broken again{d.salvage?.kind === 'salvaged' ? ' · the thick line is the salvage cut' : ''}</p>
      <Grid d={d} run={run} />
      <h2>Final verdicts</h2>
      <Verdicts d={d} />
      <h2>Steps</h2>
      <p>
        <button type="button" data-toggle-all="open" data-target="obs">
          Open every observation
        </button>{' '}
        <button type="button" data-toggle-all="close" data-target="obs">
          Close them
        </button>
      </p>
      <Timeline d={d} run={run} />
      {d.finalUrl ? <p class="url">Ended on {d.finalUrl}</p> : null}
    </Layout>
  );
}
