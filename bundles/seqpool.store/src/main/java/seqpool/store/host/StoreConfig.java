package seqpool.store.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the store (PID {@code seqpool.store}). */
@ObjectClassDefinition(name = "seqpool store",
        description = "The node's LMDB key-value store")
public @interface StoreConfig {
    @AttributeDefinition(description = "Directory of the LMDB environment (created if missing; locked while open)")
    String path();

    @AttributeDefinition(description = "Most the data file may grow to, in MiB; a commit beyond it fails with "
            + "StoreFullException and nothing of it is applied")
    long mapSizeMb() default 1024;

    @AttributeDefinition(description = "Most named databases the store holds")
    int maxDatabases() default 64;
}
