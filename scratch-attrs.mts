import { loadWorld } from '/work/main/src/world/world-store.ts';
import { SITES } from '/work/main/src/sites/registry.ts';
import { Rng } from '/work/main/src/core/rng.ts';
import { buildTarget, bookedState } from '/work/main/src/tasks/target.ts';
const world = loadWorld(1).world;
for (const site of SITES) {
  const rng = new Rng('x/' + site.id);
  const t = buildTarget(site, world, site.exampleSearch(world, rng.fork('s')), rng.fork('t'))!;
  const st = bookedState(t);
  console.log('==', site.id, JSON.stringify(st.bookings[0]!.attrs));
  console.log('   searchFields', site.searchFields.map(f=>f.name+':'+f.kind).join(' '));
  console.log('   extras', JSON.stringify(site.extras({params:t.params, listing:t.listing, choices:t.choices}).map(x=>[x.id,x.label])));
}
