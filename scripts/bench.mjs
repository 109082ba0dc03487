// Placeholder until the performance work: benchmarks will print their figures here.
console.log("No benchmarks yet: `npm run bench` is reserved for the performance issue.");
