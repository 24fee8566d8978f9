package seqpool.sequencer.derive.cli;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.api.submitter.BatchCodec;

/**
 * The batch codec for one command run: publishes the {@code seqpool.submitter} configuration the codec component
 * requires (chain id, L1 fork, and a run id), waits for the {@link BatchCodec} service carrying that run id (a codec
 * configured otherwise is never used), and on close puts back what was configured before (nothing, in a command's
 * own framework). This keeps the submitter bundle unchanged and its configuration required.
 */
final class ConfigAdminCodecs implements CodecSource {
    static final String PID = "seqpool.submitter";
    static final String RUN = "seqpool.derive.run";
    private static final long WAIT_MS = 10_000;

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;

    ConfigAdminCodecs(BundleContext context, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    @Override
    public Lease open(long l2ChainId, String l1Fork, int maxBlobsPerTransaction) throws Exception {
        Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> before = c.getProperties();
        String run = UUID.randomUUID().toString();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("chainId", l2ChainId);
        props.put("l1Fork", l1Fork);
        props.put("maxBlobsPerTransaction", maxBlobsPerTransaction);
        props.put(RUN, run);
        c.update(props);
        ServiceTracker<BatchCodec, BatchCodec> tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(&(objectClass=" + BatchCodec.class.getName() + ")(" + RUN + "=" + run
                        + "))"), null);
        tracker.open();
        BatchCodec codec = tracker.waitForService(WAIT_MS);
        Runnable restore = () -> {
            tracker.close();
            try {
                Configuration now = configAdmin.getConfiguration(PID, "?");
                if (before == null) {
                    now.delete();
                } else {
                    now.update(before);
                }
            } catch (Exception e) {
                // the command's framework stops right after: nothing else reads this configuration
            }
        };
        if (codec == null) {
            restore.run();
            throw new IllegalStateException("no batch codec (seqpool.submitter) started within " + WAIT_MS / 1000
                    + " s; is the submitter bundle in this runtime?");
        }
        return new Lease() {
            @Override
            public BatchCodec codec() {
                return codec;
            }

            @Override
            public void close() {
                restore.run();
            }
        };
    }
}
