import { checkContent } from '../../lib/content';
let t = performance.now();
checkContent('/tmp/bench-1000', { today: '2026-11-23' });
console.log('first', Math.round(performance.now() - t));
t = performance.now();
checkContent('/tmp/bench-1000', { today: '2026-11-23' });
console.log('second', Math.round(performance.now() - t));
