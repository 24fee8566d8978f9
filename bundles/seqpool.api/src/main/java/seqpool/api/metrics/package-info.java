/**
 * Module metrics (issue 15): a module that knows numbers only it can see (consensus step durations, p2p bytes, TSS
 * failures, ...) registers a {@link seqpool.api.metrics.MetricSource} service; the node reads every source at each
 * scrape of its {@code /metrics} endpoint and writes the samples in the Prometheus exposition format. A module that is
 * not installed registers no source, and its metrics are simply absent. Names follow Prometheus conventions:
 * {@code seqpool_<module>_<what>_<unit>}, counters without the {@code _total} suffix (the exposition adds it).
 */
@Export
@Version("1.0.0")
package seqpool.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
