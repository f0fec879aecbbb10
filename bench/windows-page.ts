// One window of the windows benchmark: the whole dashboard against the simulator named in
// the query (`?base-url=…&interval=5[&no-share]`).
import '../src/index.js';

const query = new URLSearchParams(location.search);
const source = document.createElement('pharos-source');
source.setAttribute('base-url', query.get('base-url') ?? '');
source.setAttribute('interval', query.get('interval') ?? '30');
if (query.has('no-share')) source.setAttribute('no-share', '');
source.append(document.createElement('pharos-ops-dashboard'));
document.body.append(source);
document.body.dataset.ready = 'true';
