// The simulator drives the demo county's units through the public device APIs. Its patrol model and
// load-generator options arrive with the live-positions work; this entry point only states that.
console.log("onemap simulator: no device ingest to drive yet (see the live-positions issue)");
